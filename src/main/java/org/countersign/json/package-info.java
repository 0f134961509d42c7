/** JSON-P with its provider looked up once for the whole application. */
package org.countersign.json;
