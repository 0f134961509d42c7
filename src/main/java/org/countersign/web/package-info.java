/**
 * The self-service pages: Faces backing beans (the Facelets themselves live in {@code webapp/}),
 * sign-in with throttling, and the filters that guard {@code /ui/*}. Beans translate between the
 * page and the same services the REST API calls; the person signed in acts as a {@link
 * org.countersign.auth.Caller} of role user, so the services' ownership rules and audit trail apply
 * unchanged. Texts come from the {@code messages} bundles.
 */
package org.countersign.web;
