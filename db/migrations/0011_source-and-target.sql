ALTER TABLE `links` RENAME COLUMN "en_start" TO "source_start";--> statement-breakpoint
ALTER TABLE `links` RENAME COLUMN "en_count" TO "source_count";--> statement-breakpoint
ALTER TABLE `links` RENAME COLUMN "fr_start" TO "target_start";--> statement-breakpoint
ALTER TABLE `links` RENAME COLUMN "fr_count" TO "target_count";--> statement-breakpoint
ALTER TABLE `pairs` RENAME COLUMN "en_document_id" TO "source_document_id";--> statement-breakpoint
ALTER TABLE `pairs` RENAME COLUMN "fr_document_id" TO "target_document_id";--> statement-breakpoint
DROP INDEX `pairs_en_document`;--> statement-breakpoint
DROP INDEX `pairs_fr_document`;--> statement-breakpoint
CREATE INDEX `pairs_source_document` ON `pairs` (`source_document_id`);--> statement-breakpoint
CREATE INDEX `pairs_target_document` ON `pairs` (`target_document_id`);