/**
 * The domain's error vocabulary: {@link org.countersign.error.DomainException} with a {@link
 * org.countersign.error.Reason}. A leaf that every package may use; it imports nothing of the
 * project. Only the transport turns a reason into a wire code and an HTTP status ({@code
 * api.ErrorCode}), and the pages into a message.
 */
package org.countersign.error;
