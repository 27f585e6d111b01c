package org.myochart.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A scanned paper document: a physician's letter with a clearance, or a consent signed on paper.
 * Its type is decided from its first bytes, not from the name or the browser's claim, so a renamed
 * file is refused.
 */
public record ScannedDocument(String fileName, String contentType, byte[] content)
    implements java.io.Serializable {

  public static final int LARGEST_BYTES = 5 * 1024 * 1024;

  /** Checked before the upload is read into memory. */
  public static void requireAcceptableSize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("The uploaded file is empty.");
    }
    if (bytes > LARGEST_BYTES) {
      throw new IllegalArgumentException(
          "The file is larger than 5 MB. Scan it at a lower resolution or as PDF.");
    }
  }

  public static ScannedDocument of(String fileName, byte[] content) {
    requireAcceptableSize(content == null ? 0 : content.length);
    String type = sniff(content);
    if (type == null) {
      throw new IllegalArgumentException(
          "The file must be a PDF, PNG or JPEG; this file is none of them.");
    }
    String name = fileName == null || fileName.isBlank() ? "letter" : fileName.strip();
    name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    return new ScannedDocument(name, type, content.clone());
  }

  static String sniff(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    return null;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String extensionFor(String contentType) {
    return switch (contentType.toLowerCase(Locale.ROOT)) {
      case "application/pdf" -> "pdf";
      case "image/png" -> "png";
      default -> "jpg";
    };
  }
}
