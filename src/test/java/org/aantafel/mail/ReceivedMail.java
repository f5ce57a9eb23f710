package org.aantafel.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One message as GreenMail received it, taken apart: its subject, its text and its attachments by file name. */
record ReceivedMail(String subject, String to, String text, Map<String, Attachment> attachments) {

  record Attachment(String contentType, byte[] data) {}

  static ReceivedMail of(MimeMessage message) {
    try {
      StringBuilder text = new StringBuilder();
      Map<String, Attachment> attachments = new LinkedHashMap<>();
      walk(message, text, attachments);
      return new ReceivedMail(message.getSubject(), String.join(",", message.getHeader("To")), text.toString(),
          attachments);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void walk(Part part, StringBuilder text, Map<String, Attachment> attachments) throws Exception {
    if (part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        attachments.put(part.getFileName(), new Attachment(part.getContentType(), in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        walk(child, text, attachments);
      }
    } else if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    }
  }
}
