package org.myochart.record;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.myochart.audit.RecordKind;
import org.myochart.testsupport.Http;
import org.myochart.testsupport.RunningClinic;

/**
 * The demo clinic's sealed records, read from its database and downloaded through the owner API.
 */
final class DemoSealedRecords {

  record Stored(String type, long id, long clientId, String sha256) {}

  private DemoSealedRecords() {}

  static List<Stored> all(RunningClinic clinic, String type) {
    return query(
        clinic,
        "select record_type, record_id, client_id, sha256 from sealed_record where record_type = ? order by id",
        type);
  }

  static List<Stored> ofClient(RunningClinic clinic, long clientId) {
    return query(
        clinic,
        "select record_type, record_id, client_id, sha256 from sealed_record where client_id = ? order by id",
        clientId);
  }

  static long clientId(RunningClinic clinic, String lastName) {
    try (Connection db = clinic.database();
        PreparedStatement query =
            db.prepareStatement("select id from client where last_name = ? order by id")) {
      query.setString(1, lastName);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Stored> query(RunningClinic clinic, String sql, Object parameter) {
    try (Connection db = clinic.database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, parameter);
      List<Stored> found = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Stored(rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored note or consent PDF, downloaded by the owner. */
  static byte[] download(RunningClinic clinic, Stored record) {
    String path =
        record.type().equals(RecordKind.CONSENT.typeName())
            ? "/api/v1/consents/" + record.id() + "/pdf"
            : "/api/v1/notes/" + record.id() + "/pdf";
    HttpResponse<byte[]> response =
        Http.sendBytes(
            HttpRequest.newBuilder(clinic.uri(path))
                .header("Authorization", Http.basic("owner", RunningClinic.DEMO_PASSWORD))
                .GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  static HttpResponse<String> verify(
      RunningClinic clinic, String user, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(clinic.uri("/api/v1/verifications"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (user != null) {
      request.header("Authorization", Http.basic(user, RunningClinic.DEMO_PASSWORD));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return Http.send(request);
  }
}
