/**
 * The /validate use cases: find tokens, split PIN and OTP, ask the token type, record the outcome
 * atomically. The same decision (lock-out, failure count, audit) applies to answers a token's app
 * posts to a challenge ({@link org.countersign.validate.AnswerCheck}); the type only verifies them.
 */
package org.countersign.validate;
