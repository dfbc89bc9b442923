CREATE TABLE "agenda_item_tombstones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agenda_item_tombstones_kind_check" CHECK (kind in ('procedural', 'draft_resolution', 'report', 'interpellations', 'motions', 'residents_speeches'))
);
--> statement-breakpoint
ALTER TABLE "agenda_item_tombstones" ADD CONSTRAINT "agenda_item_tombstones_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_tombstones" ADD CONSTRAINT "agenda_item_tombstones_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_tombstones_council_idx" ON "agenda_item_tombstones" USING btree ("council_id","deleted_at");