CREATE TABLE "agenda_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_templates" ADD CONSTRAINT "agenda_templates_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_templates_council_idx" ON "agenda_templates" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_templates_name_unique" ON "agenda_templates" USING btree ("council_id","name");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_kind_check" CHECK (kind in ('procedural', 'draft_resolution', 'report', 'interpellations', 'motions', 'residents_speeches'));