/**
 * The one place that reads configuration and produces typed, validated settings, the clock and
 * randomness.
 */
package org.countersign.config;
