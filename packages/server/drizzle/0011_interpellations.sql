CREATE TABLE "interpellation_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"interpellation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interpellation_files_role_check" CHECK (role in ('question', 'answer')),
	CONSTRAINT "interpellation_files_sha256_check" CHECK ("interpellation_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "interpellation_files_size_check" CHECK ("interpellation_files"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "interpellations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"author_person_id" uuid NOT NULL,
	"filed_by_user_id" uuid,
	"addressee" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"filed_on" date NOT NULL,
	"deadline" date NOT NULL,
	"answer_text" text,
	"answered_at" timestamp with time zone,
	"answered_on" date,
	"answered_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interpellations_council_id_id_unique" UNIQUE("council_id","id"),
	CONSTRAINT "interpellations_number_unique" UNIQUE("council_id","year","seq"),
	CONSTRAINT "interpellations_kind_check" CHECK (kind in ('interpellation', 'question')),
	CONSTRAINT "interpellations_deadline_check" CHECK ("interpellations"."deadline" > "interpellations"."filed_on"),
	CONSTRAINT "interpellations_answer_check" CHECK (("interpellations"."answer_text" is null) = ("interpellations"."answered_at" is null) and ("interpellations"."answered_at" is null) = ("interpellations"."answered_on" is null))
);
--> statement-breakpoint
ALTER TABLE "interpellation_files" ADD CONSTRAINT "interpellation_files_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_files" ADD CONSTRAINT "interpellation_files_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellation_files" ADD CONSTRAINT "interpellation_files_council_interpellation_fk" FOREIGN KEY ("council_id","interpellation_id") REFERENCES "public"."interpellations"("council_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_filed_by_user_id_users_id_fk" FOREIGN KEY ("filed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpellations" ADD CONSTRAINT "interpellations_council_person_fk" FOREIGN KEY ("council_id","author_person_id") REFERENCES "public"."persons"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interpellation_files_interpellation_idx" ON "interpellation_files" USING btree ("interpellation_id");--> statement-breakpoint
CREATE INDEX "interpellations_author_idx" ON "interpellations" USING btree ("council_id","author_person_id");