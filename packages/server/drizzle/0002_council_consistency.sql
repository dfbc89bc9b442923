ALTER TABLE "bodies" ADD CONSTRAINT "bodies_council_id_id_unique" UNIQUE("council_id","id");--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_council_id_id_unique" UNIQUE("council_id","id");--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_council_id_id_unique" UNIQUE("council_id","id");--> statement-breakpoint
ALTER TABLE "terms" ADD CONSTRAINT "terms_council_id_id_unique" UNIQUE("council_id","id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_council_person_fk" FOREIGN KEY ("council_id","person_id") REFERENCES "public"."persons"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_council_body_fk" FOREIGN KEY ("council_id","body_id") REFERENCES "public"."bodies"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_council_term_fk" FOREIGN KEY ("council_id","term_id") REFERENCES "public"."terms"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_participations" ADD CONSTRAINT "secret_participations_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secret_tallies" ADD CONSTRAINT "secret_tallies_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_commands" ADD CONSTRAINT "sitting_commands_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sitting_events" ADD CONSTRAINT "sitting_events_council_sitting_fk" FOREIGN KEY ("council_id","sitting_id") REFERENCES "public"."sittings"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_council_body_fk" FOREIGN KEY ("council_id","body_id") REFERENCES "public"."bodies"("council_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sittings" ADD CONSTRAINT "sittings_council_term_fk" FOREIGN KEY ("council_id","term_id") REFERENCES "public"."terms"("council_id","id") ON DELETE no action ON UPDATE no action;
