# MyoChart as a container: the same Payara Micro command as the README, with the production
# settings from payara-config/. Build the WAR first (mvn -DskipTests package), then:
#   docker build -t myochart .
#   docker run -p 8080:8080 -v myochart-data:/data \
#     -e MYOCHART_DB_URL=jdbc:postgresql://db:5432/myochart -e MYOCHART_DB_USER=myochart \
#     -e MYOCHART_DB_PASSWORD=... myochart
FROM eclipse-temurin:17-jre

RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/myochart --shell /usr/sbin/nologin myochart \
 && mkdir -p /opt/myochart /data \
 && chown myochart /data

WORKDIR /opt/myochart
COPY target/payara-micro.jar target/myochart.war ./
COPY payara-config/ ./payara-config/

USER myochart
ENV MYOCHART_DATA_DIR=/data
VOLUME /data
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "payara-micro.jar", \
            "--deploy", "myochart.war", "--contextroot", "/", \
            "--prebootcommandfile", "payara-config/pre-boot-commands.asadmin", \
            "--postbootcommandfile", "payara-config/post-boot-commands.asadmin", \
            "--logproperties", "payara-config/logging.properties"]
