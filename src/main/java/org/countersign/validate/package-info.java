/**
 * The /validate use cases: find tokens, split PIN and OTP, ask the token type, record the outcome
 * atomically.
 */
package org.countersign.validate;
