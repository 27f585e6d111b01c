package org.myochart.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * What an auditor outside MyoChart computes with code of their own, written again here from the
 * export README's formula and from RFC 9162 section 2.1 rather than taken from MyoChart's classes:
 * an audit entry's hash from its line in an audit log, a leaf and node hash, a tree's root, and the
 * roots an audit path or a consistency proof stand for.
 */
public final class OutsideAuditor {

  /** The eleven fields an entry's hash covers, in order (export README, step 6). */
  public static final List<String> HASHED_FIELDS =
      List.of(
          ("previous_hash id occurred_at actor actor_role action record_type record_id detail"
                  + " ip_address user_agent")
              .split(" "));

  private static final HexFormat HEX = HexFormat.of();

  private OutsideAuditor() {}

  /** The README's rule for the spreadsheet-safety prefix: strip one ' before = + - @ tab CR. */
  public static String raw(String cell) {
    return cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  /**
   * Lower-case hex SHA-256 of the fields' texts, each preceded by its length in UTF-16 code units
   * and a colon and followed by a semicolon (a null is the empty text).
   */
  public static String entryHash(List<String> fields) {
    StringBuilder hashed = new StringBuilder();
    for (String field : fields) {
      String text = field == null ? "" : field;
      hashed.append(text.length()).append(':').append(text).append(';');
    }
    return HEX.formatHex(sha256(hashed.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The hash a line of an audit log calls for, recomputed from its cells. */
  public static String entryHash(CSVRecord line) {
    return entryHash(HASHED_FIELDS.stream().map(field -> raw(line.get(field))).toList());
  }

  /** SHA-256(0x00 || entry). */
  public static byte[] leafHash(byte[] entry) {
    return sha256(new byte[] {0}, entry);
  }

  /** SHA-256(0x01 || left || right). */
  public static byte[] node(byte[] left, byte[] right) {
    return sha256(new byte[] {1}, left, right);
  }

  /** The largest power of two smaller than {@code n} (n > 1). */
  private static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** MTH(D[n]) over leaf hashes, recursively. */
  public static byte[] root(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = (int) split(leaves.size());
    return node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
  }

  /**
   * The root an audit path leads to: the path lists siblings from the leaf upwards, so the last one
   * is the top-level sibling. Takes the hashes it uses off the path.
   */
  public static byte[] rootFromPath(long index, long size, byte[] leaf, Deque<byte[]> path) {
    if (size == 1) {
      return leaf;
    }
    long k = split(size);
    byte[] sibling = path.pollLast();
    assertTrue(sibling != null, "the path is too short");
    return index < k
        ? node(rootFromPath(index, k, leaf, path), sibling)
        : node(sibling, rootFromPath(index - k, size - k, leaf, path));
  }

  /**
   * The old and new roots a consistency proof stands for, by RFC 6962's SUBPROOF(m, D[n], b) read
   * backwards: each level appends its sibling after the proof of the level below.
   */
  public static byte[][] rootsFromConsistency(
      long m, long n, byte[] oldRoot, Deque<byte[]> proof, boolean wholeOldTree) {
    if (m == n) {
      if (wholeOldTree) {
        return new byte[][] {oldRoot, oldRoot};
      }
      byte[] subtree = proof.pollLast();
      assertTrue(subtree != null, "the proof is too short");
      return new byte[][] {subtree, subtree};
    }
    long k = split(n);
    byte[] sibling = proof.pollLast();
    assertTrue(sibling != null, "the proof is too short");
    if (m <= k) {
      byte[][] below = rootsFromConsistency(m, k, oldRoot, proof, wholeOldTree);
      return new byte[][] {below[0], node(below[1], sibling)};
    }
    byte[][] below = rootsFromConsistency(m - k, n - k, oldRoot, proof, false);
    return new byte[][] {node(sibling, below[0]), node(sibling, below[1])};
  }

  private static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
