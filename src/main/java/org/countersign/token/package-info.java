/**
 * Tokens: the entity and its repository of atomic updates, enrolment, administration, serial
 * numbers and the registry of token types.
 */
package org.countersign.token;
