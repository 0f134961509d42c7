/**
 * The one place that reads configuration: typed reads with bounds ({@link
 * org.countersign.config.Configuration}) into immutable settings values read and validated at
 * start-up ({@link org.countersign.config.ReadAtStart}), the clock and randomness. Every package
 * may use it; it uses none of the feature packages.
 */
package org.countersign.config;
