CREATE TABLE `accepted_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pair_id` integer NOT NULL,
	`unit` text NOT NULL,
	`finding_key` text NOT NULL,
	`link` integer NOT NULL,
	`message` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`user` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`pair_id`) REFERENCES `pairs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accepted_findings_pair_unit_key` ON `accepted_findings` (`pair_id`,`unit`,`finding_key`);