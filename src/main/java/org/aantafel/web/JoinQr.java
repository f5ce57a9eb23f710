package org.aantafel.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code people in the room scan to join: drawn here as SVG, so the board never asks an outside service to
 * draw a link that opens a child's meeting.
 */
final class JoinQr {
  private static final int BORDER = 4;

  static String svg(String link) {
    QrCode qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\""
      + " shape-rendering=\"crispEdges\" role=\"img\">"
      + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
      + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
  }

  private JoinQr() {
  }
}
