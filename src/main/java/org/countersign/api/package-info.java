/**
 * The REST API in privacyIDEA's dialect: resources that parse and hand over, the parameter merging
 * (query, form, JSON), the response envelope and the one mapping from errors to codes and HTTP
 * statuses.
 */
package org.countersign.api;
