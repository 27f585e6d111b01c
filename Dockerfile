# MyoChart as a container: Payara Micro with the production settings from payara-config/.
# Build the WAR first (mvn -DskipTests package), then:
#   docker build -t myochart .
#   docker run -p 8080:8080 -v myochart-data:/data \
#     -e MYOCHART_DB_URL=jdbc:postgresql://db:5432/myochart -e MYOCHART_DB_USER=myochart \
#     -e MYOCHART_DB_PASSWORD=... myochart
# JAVA_OPTS adds JVM options after payara-config/jvm.options (e.g. -Xmx512m on a larger server).
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

# Faster start (docs/performance.md, "Start-up and memory"): a class-data-sharing archive
# recorded from a warm-up start on a throw-away embedded database.
RUN sh payara-config/class-data-archive.sh payara-micro.jar myochart.war /opt/myochart/myochart.jsa

USER myochart
ENV MYOCHART_DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS=""
VOLUME /data
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=90s \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/health/ready || exit 1

# "$@" are the container's arguments: by default one server (CMD below). For a cluster, give the
# cluster's options as arguments of docker run instead (docs/operations.md, "Scale-out and
# clustering"); started so, sessions are replicated (MYOCHART_SESSION_REPLICATION=true unless set).
ENTRYPOINT ["sh", "-c", "case \" $* \" in *' --nocluster '*) ;; *) export MYOCHART_SESSION_REPLICATION=${MYOCHART_SESSION_REPLICATION:-true} ;; esac; \
  exec java @payara-config/jvm.options $JAVA_OPTS \
  -XX:SharedArchiveFile=myochart.jsa -jar payara-micro.jar \
  --deploy myochart.war --contextroot / \
  --prebootcommandfile payara-config/pre-boot-commands.asadmin \
  --postbootcommandfile payara-config/post-boot-commands.asadmin \
  --logproperties payara-config/logging.properties \"$@\"", "myochart"]
CMD ["--nocluster"]
