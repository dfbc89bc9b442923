CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"vote_id" text NOT NULL,
	"title" text NOT NULL,
	"adopted" boolean NOT NULL,
	"seq" integer,
	"number" text,
	"year" integer NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resolutions_council_id_id_unique" UNIQUE("council_id","id"),
	CONSTRAINT "resolutions_item_unique" UNIQUE("council_id","agenda_item_id"),
	CONSTRAINT "resolutions_seq_unique" UNIQUE("council_id","body_id","term_id","seq"),
	CONSTRAINT "resolutions_number_check" CHECK (("resolutions"."adopted" and "resolutions"."seq" is not null and "resolutions"."number" is not null) or (not "resolutions"."adopted" and "resolutions"."seq" is null and "resolutions"."number" is null))
);
--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "resolutions_register_idx" ON "resolutions" USING btree ("council_id","decided_at");