CREATE TABLE "speech_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"item_title" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_normalized" text NOT NULL,
	"language" text NOT NULL,
	"summary" text NOT NULL,
	"attachment_file_name" text,
	"attachment_media_type" text,
	"attachment_size_bytes" bigint,
	"attachment_sha256" text,
	"status" text DEFAULT 'unverified' NOT NULL,
	"verification_token_hash" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"rejection_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "speech_requests_token_unique" UNIQUE("verification_token_hash"),
	CONSTRAINT "speech_requests_one_per_item" UNIQUE("sitting_id","agenda_item_id","email_normalized"),
	CONSTRAINT "speech_requests_status_check" CHECK (status in ('unverified', 'pending', 'approved', 'rejected')),
	CONSTRAINT "speech_requests_review_check" CHECK (("speech_requests"."status" in ('approved', 'rejected')) = ("speech_requests"."reviewed_at" is not null) and ("speech_requests"."status" = 'rejected') = ("speech_requests"."rejection_reason" is not null)),
	CONSTRAINT "speech_requests_verified_check" CHECK (("speech_requests"."status" = 'unverified') = ("speech_requests"."verified_at" is null)),
	CONSTRAINT "speech_requests_attachment_check" CHECK (("speech_requests"."attachment_sha256" is null) = ("speech_requests"."attachment_file_name" is null) and ("speech_requests"."attachment_sha256" is null or "speech_requests"."attachment_sha256" ~ '^[0-9a-f]{64}$'))
);
--> statement-breakpoint
ALTER TABLE "speech_requests" ADD CONSTRAINT "speech_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_requests" ADD CONSTRAINT "speech_requests_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_requests" ADD CONSTRAINT "speech_requests_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speech_requests" ADD CONSTRAINT "speech_requests_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speech_requests_sitting_idx" ON "speech_requests" USING btree ("sitting_id","filed_at");--> statement-breakpoint
CREATE INDEX "speech_requests_email_idx" ON "speech_requests" USING btree ("email_normalized","filed_at");