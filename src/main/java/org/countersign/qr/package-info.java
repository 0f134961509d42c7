/** QR codes rendered as PNG data URIs with ZXing. */
package org.countersign.qr;
