ALTER TABLE "consultations" ADD COLUMN "report_attached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "report_document_id" uuid;