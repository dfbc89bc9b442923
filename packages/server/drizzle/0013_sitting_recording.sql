ALTER TABLE "sittings" ADD COLUMN "recording_url" text;--> statement-breakpoint
ALTER TABLE "sittings" ADD COLUMN "recording_started_at" timestamp with time zone;