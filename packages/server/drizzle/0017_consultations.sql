CREATE TABLE "consultation_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_documents_sha256_check" CHECK ("consultation_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "consultation_documents_size_check" CHECK ("consultation_documents"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "consultation_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"name" text,
	"email" text,
	"email_normalized" text,
	"consent_to_publish_name" boolean DEFAULT false NOT NULL,
	"text" text NOT NULL,
	"attachment_file_name" text,
	"attachment_media_type" text,
	"attachment_size_bytes" bigint,
	"attachment_sha256" text,
	"language" text NOT NULL,
	"token_hash" text,
	"verified_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by_user_id" uuid,
	"hidden_reason" text,
	"personal_data_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_opinions_language_check" CHECK (language in ('pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en')),
	CONSTRAINT "consultation_opinions_hidden_check" CHECK (("consultation_opinions"."hidden_at" is null) = ("consultation_opinions"."hidden_reason" is null)),
	CONSTRAINT "consultation_opinions_attachment_check" CHECK (("consultation_opinions"."attachment_sha256" is null) = ("consultation_opinions"."attachment_file_name" is null))
);
--> statement-breakpoint
CREATE TABLE "consultation_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"name" text,
	"email" text,
	"email_normalized" text,
	"consent_to_publish_name" boolean DEFAULT false NOT NULL,
	"answers" jsonb NOT NULL,
	"language" text NOT NULL,
	"token_hash" text,
	"verified_at" timestamp with time zone,
	"personal_data_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_responses_one_per_resident" UNIQUE("consultation_id","email_normalized"),
	CONSTRAINT "consultation_responses_language_check" CHECK (language in ('pl', 'bg', 'sr-Cyrl', 'sr-Latn', 'en')),
	CONSTRAINT "consultation_responses_erased_check" CHECK (("consultation_responses"."personal_data_erased_at" is null) = ("consultation_responses"."email_normalized" is not null))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"description" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"agenda_item_id" uuid,
	"survey" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"personal_data_erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultations_council_id_id_unique" UNIQUE("council_id","id"),
	CONSTRAINT "consultations_period_check" CHECK ("consultations"."ends_at" > "consultations"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "resident_data_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"email_normalized" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "councils" ADD COLUMN "consultation_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_council_consultation_fk" FOREIGN KEY ("council_id","consultation_id") REFERENCES "public"."consultations"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_hidden_by_user_id_users_id_fk" FOREIGN KEY ("hidden_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_opinions" ADD CONSTRAINT "consultation_opinions_council_consultation_fk" FOREIGN KEY ("council_id","consultation_id") REFERENCES "public"."consultations"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_responses" ADD CONSTRAINT "consultation_responses_council_consultation_fk" FOREIGN KEY ("council_id","consultation_id") REFERENCES "public"."consultations"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_data_requests" ADD CONSTRAINT "resident_data_requests_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_documents_consultation_idx" ON "consultation_documents" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_opinions_token_unique" ON "consultation_opinions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "consultation_opinions_consultation_idx" ON "consultation_opinions" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_opinions_email_idx" ON "consultation_opinions" USING btree ("council_id","email_normalized");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_responses_token_unique" ON "consultation_responses" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "consultation_responses_email_idx" ON "consultation_responses" USING btree ("council_id","email_normalized");--> statement-breakpoint
CREATE INDEX "consultations_council_starts_idx" ON "consultations" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_data_requests_token_unique" ON "resident_data_requests" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_consultation_retention_check" CHECK (consultation_retention_days between 0 and 3650);