CREATE TABLE "ballots" (
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"vote_id" text NOT NULL,
	"member_id" text NOT NULL,
	"choice" text NOT NULL,
	"entered_by_user_id" uuid,
	"proxy_reason" text,
	"cast_at" timestamp with time zone NOT NULL,
	"changes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ballots_sitting_id_vote_id_member_id_pk" PRIMARY KEY("sitting_id","vote_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "secret_participations" (
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"vote_id" text NOT NULL,
	"member_id" text NOT NULL,
	CONSTRAINT "secret_participations_sitting_id_vote_id_member_id_pk" PRIMARY KEY("sitting_id","vote_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "secret_tallies" (
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"vote_id" text NOT NULL,
	"choice" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "secret_tallies_sitting_id_vote_id_choice_pk" PRIMARY KEY("sitting_id","vote_id","choice")
);
--> statement-breakpoint
CREATE TABLE "sitting_commands" (
	"council_id" uuid NOT NULL,
	"sitting_id" uuid NOT NULL,
	"command_id" text NOT NULL,
	"actor_user_id" uuid,
	"type" text NOT NULL,
	"outcome" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "sitting_commands_sitting_id_command_id_pk" PRIMARY KEY("sitting_id","command_id")
);
--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "log_setup" jsonb;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_participations" ADD CONSTRAINT "secret_participations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_participations" ADD CONSTRAINT "secret_participations_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_tallies" ADD CONSTRAINT "secret_tallies_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_tallies" ADD CONSTRAINT "secret_tallies_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_commands" ADD CONSTRAINT "sitting_commands_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_commands" ADD CONSTRAINT "sitting_commands_sitting_id_sittings_id_fk" FOREIGN KEY ("sitting_id") REFERENCES "public"."sittings"("id") ON DELETE no action ON UPDATE no action;