/**
 * The TiQR token type: smartphone challenge-response over QR codes, answers computed with OCRA (RFC
 * 6287).
 */
package org.countersign.token.tiqr;
