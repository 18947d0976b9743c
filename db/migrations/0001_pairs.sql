CREATE TABLE `links` (
	`pair_id` integer NOT NULL,
	`position` integer NOT NULL,
	`en_start` integer NOT NULL,
	`en_count` integer NOT NULL,
	`fr_start` integer NOT NULL,
	`fr_count` integer NOT NULL,
	`status` text DEFAULT 'automatic' NOT NULL,
	`confidence` real NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_pair_position` ON `links` (`pair_id`,`position`);--> statement-breakpoint
CREATE TABLE `pairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`en_document_id` integer NOT NULL,
	`fr_document_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`error` text,
	`support` real,
	`link_count` integer DEFAULT 0 NOT NULL,
	`lexicon_name` text,
	`lexicon_size` integer DEFAULT 0 NOT NULL,
	`lexicon` text,
	`source_key` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`en_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`fr_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairs_source_key_unique` ON `pairs` (`source_key`);--> statement-breakpoint
CREATE INDEX `pairs_en_document` ON `pairs` (`en_document_id`);--> statement-breakpoint
CREATE INDEX `pairs_fr_document` ON `pairs` (`fr_document_id`);