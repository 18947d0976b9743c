CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`origin` text NOT NULL,
	`description` text,
	`source_name` text,
	`source_key` text,
	`segmentation` text DEFAULT 'pipeline' NOT NULL,
	`raw_text` text NOT NULL,
	`clean_text` text NOT NULL,
	`encoding` text,
	`encoding_note` text,
	`detected_language` text,
	`detection_confidence` real,
	`segment_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_source_key_unique` ON `documents` (`source_key`);--> statement-breakpoint
CREATE TABLE `paragraphs` (
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`line` integer NOT NULL,
	`one_segment` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paragraphs_document_position` ON `paragraphs` (`document_id`,`position`);--> statement-breakpoint
CREATE TABLE `removals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`line` integer NOT NULL,
	`text` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `removals_document` ON `removals` (`document_id`);--> statement-breakpoint
CREATE TABLE `repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`line` integer NOT NULL,
	`before` text NOT NULL,
	`after` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `repairs_document` ON `repairs` (`document_id`);--> statement-breakpoint
CREATE TABLE `seed_log` (
	`source_key` text PRIMARY KEY NOT NULL,
	`applied_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`position` integer NOT NULL,
	`paragraph` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`note_refs` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `segments_document_position` ON `segments` (`document_id`,`position`);