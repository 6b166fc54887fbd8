package org.suggestionbox.events;

import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract between code and documents: every event record round-trips through the Kafka serdes
 * the services use, matches its JSON Schema, and is described by the AsyncAPI document.
 */
class EventContractTests {

    private static final List<Class<? extends IdeaEvent>> SEALED_EVENT_TYPES =
            List.of(IdeaSubmission.class, IdeaLifecycleEvent.class, NotificationEvent.class);

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // --- round trip and schema validation ---------------------------------------------------------

    static Stream<Named<IdeaEvent>> samples() {
        return EventSamples.all().stream().map(event -> Named.of(label(event), event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughTheKafkaSerdesAndMatchesItsSchema(IdeaEvent event) {
        String topic = topicOf(event);
        byte[] value = serialize(topic, event);

        for (String readFrom : List.of(topic, Topics.deadLetterOf(topic))) {
            try (JacksonJsonDeserializer<IdeaEvent> deserializer = deserializerFor(readFrom)) {
                assertThat(deserializer.deserialize(readFrom, new RecordHeaders(), value))
                        .isEqualTo(event);
            }
        }

        JsonNode json = JSON.readTree(value);
        String name = event.getClass().getSimpleName();
        assertThat(json.get("type").asString()).isEqualTo(name);
        assertThat(schemaOf(name).validate(json)).isEmpty();
    }

    @Test
    void samplesCoverEveryEventRecordBothDecisionsAndAnAnonymousSubmitter() {
        List<IdeaEvent> samples = EventSamples.all();
        assertThat(samples)
                .extracting(Object::getClass)
                .map(Class.class::cast)
                .containsAll(permittedRecords().toList());
        assertThat(samples)
                .filteredOn(IdeaDecided.class::isInstance)
                .map(IdeaDecided.class::cast)
                .extracting(IdeaDecided::outcome)
                .containsExactlyInAnyOrder(DecisionOutcome.values());
        assertThat(samples)
                .filteredOn(IdeaSubmitted.class::isInstance)
                .map(IdeaSubmitted.class::cast)
                .anySatisfy(submitted ->
                        assertThat(submitted.submitter().isAnonymous()).isTrue());
    }

    @Test
    void absentOptionalFieldsAreOmittedWhereTheRecordSaysNonNull() {
        JsonNode declined = JSON.readTree(serialize(Topics.IDEAS_LIFECYCLE, EventSamples.ideaDeclined()));
        assertThat(declined.has("nextStep")).isFalse();
        assertThat(declined.has("expectedBy")).isFalse();
        assertThat(declined.get("submitters").get(0).has("personId")).isFalse();

        JsonNode explored = JSON.readTree(serialize(Topics.IDEAS_LIFECYCLE, EventSamples.ideaExplored()));
        assertThat(explored.has("reasonCode")).isFalse();
        assertThat(explored.get("expectedBy").asString()).isEqualTo("2026-05-01");
        assertThat(explored.get("occurredAt").asString()).isEqualTo("2026-03-10T11:20:00Z");
    }

    // --- negative cases ---------------------------------------------------------------------------

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                broken("IdeaDecided without outcome", EventSamples.ideaDeclined(), json -> json.remove("outcome")),
                broken("DECLINE without reasonCode", EventSamples.ideaDeclined(), json -> json.remove("reasonCode")),
                broken("EXPLORE without expectedBy", EventSamples.ideaExplored(), json -> json.remove("expectedBy")),
                broken(
                        "expectedBy not a date",
                        EventSamples.ideaExplored(),
                        json -> json.put("expectedBy", "1 May 2026")),
                broken("unknown outcome", EventSamples.ideaExplored(), json -> json.put("outcome", "MAYBE")),
                broken("wrong type const", EventSamples.ideaExplored(), json -> json.put("type", "IdeaAssigned")),
                broken("unknown property", EventSamples.ideaAssigned(), json -> json.put("priority", "high")),
                broken(
                        "trackingTokenHash not a SHA-256",
                        EventSamples.anonymousIdeaSubmitted(),
                        json -> json.put("trackingTokenHash", "the-token-itself")),
                broken("ideaId not a uuid", EventSamples.ideaAssigned(), json -> json.put("ideaId", "idea-42")),
                broken(
                        "occurredAt not a date-time",
                        EventSamples.ideaAssigned(),
                        json -> json.put("occurredAt", "yesterday")),
                broken("no submitters", EventSamples.ideaAssigned(), json -> json.putArray("submitters")),
                broken(
                        "submitter with both identities",
                        EventSamples.ideaSubmitted(),
                        json -> ((ObjectNode) json.get("submitter"))
                                .set("sealedIdentity", JSON.valueToTree(EventSamples.ANONYMOUS.sealedIdentity()))),
                broken(
                        "submitter with neither identity",
                        EventSamples.ideaSubmitted(),
                        json -> ((ObjectNode) json.get("submitter")).remove("personId")),
                broken(
                        "NotificationFailed without attempts",
                        EventSamples.notificationFailed(),
                        json -> json.remove("attempts")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void brokenEventsFailTheirSchema(IdeaEvent event, Consumer<ObjectNode> breakIt) {
        ObjectNode json = (ObjectNode) JSON.readTree(serialize(topicOf(event), event));
        breakIt.accept(json);
        assertThat(schemaOf(event.getClass().getSimpleName()).validate(json)).isNotEmpty();
    }

    @Test
    void missingOutcomeIsReportedAsAMissingRequiredProperty() {
        ObjectNode json = (ObjectNode) JSON.readTree(serialize(Topics.IDEAS_LIFECYCLE, EventSamples.ideaDeclined()));
        json.remove("outcome");
        List<Error> errors = schemaOf("IdeaDecided").validate(json);
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.getKeyword()).isEqualTo("required");
            assertThat(error.getProperty()).isEqualTo("outcome");
        });
    }

    @Test
    void anIdeaSubmittedFromBeforeTrackingLinksStillReads() {
        ObjectNode json = (ObjectNode) JSON.readTree(serialize(Topics.IDEAS_SUBMITTED, EventSamples.ideaSubmitted()));
        json.remove("trackingTokenHash");
        byte[] value = JSON.writeValueAsBytes(json);
        assertThat(schemaOf("IdeaSubmitted").validate(json)).isEmpty();
        try (JacksonJsonDeserializer<IdeaEvent> deserializer = deserializerFor(Topics.IDEAS_SUBMITTED)) {
            assertThat(deserializer.deserialize(Topics.IDEAS_SUBMITTED, new RecordHeaders(), value))
                    .isEqualTo(EventSamples.ideaSubmitted());
        }
    }

    @Test
    void anUnknownTypeFailsDeserialization() {
        ObjectNode json = (ObjectNode) JSON.readTree(serialize(Topics.IDEAS_LIFECYCLE, EventSamples.ideaAssigned()));
        json.put("type", "IdeaTeleported");
        byte[] value = JSON.writeValueAsBytes(json);
        try (JacksonJsonDeserializer<IdeaEvent> deserializer = deserializerFor(Topics.IDEAS_LIFECYCLE)) {
            assertThatThrownBy(() -> deserializer.deserialize(Topics.IDEAS_LIFECYCLE, new RecordHeaders(), value))
                    .isInstanceOf(SerializationException.class)
                    .cause()
                    .isInstanceOf(InvalidTypeIdException.class)
                    .hasMessageContaining("'IdeaTeleported'");
        }
    }

    @Test
    void anEventOfAnotherTopicFailsDeserialization() {
        byte[] value = serialize(Topics.NOTIFICATIONS_DELIVERED, EventSamples.notificationDelivered());
        try (JacksonJsonDeserializer<IdeaEvent> deserializer = deserializerFor(Topics.IDEAS_LIFECYCLE)) {
            assertThatThrownBy(() -> deserializer.deserialize(Topics.IDEAS_LIFECYCLE, new RecordHeaders(), value))
                    .isInstanceOf(SerializationException.class)
                    .cause()
                    .isInstanceOf(InvalidTypeIdException.class)
                    .hasMessageContaining("'NotificationDelivered'");
        }
    }

    // --- code and schemas cannot drift ------------------------------------------------------------

    @Test
    void everyPermittedRecordHasASchemaFileAndEverySchemaFileARecord() {
        assertThat(permittedRecords())
                .allSatisfy(
                        type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
        assertThat(schemaFileNames())
                .containsExactlyInAnyOrderElementsOf(permittedRecords()
                        .map(type -> type.getSimpleName() + ".schema.json")
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("sealedEventTypes")
    void everyPermittedRecordIsAJsonSubTypeNamedAfterIt(Class<?> sealedType) {
        JsonTypeInfo typeInfo = sealedType.getAnnotation(JsonTypeInfo.class);
        assertThat(typeInfo.use()).isEqualTo(JsonTypeInfo.Id.NAME);
        assertThat(typeInfo.property()).isEqualTo("type");

        Map<Class<?>, String> subTypes = Arrays.stream(
                        sealedType.getAnnotation(JsonSubTypes.class).value())
                .collect(toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));
        Map<Class<?>, String> permitted =
                Arrays.stream(sealedType.getPermittedSubclasses()).collect(toMap(type -> type, Class::getSimpleName));
        assertThat(subTypes).isEqualTo(permitted);
    }

    @ParameterizedTest
    @MethodSource("permittedRecords")
    void schemaMirrorsItsRecord(Class<?> recordType) throws ReflectiveOperationException {
        String name = recordType.getSimpleName();
        JsonNode schema = readSchemaFile(name);
        RecordComponent[] components = recordType.getRecordComponents();

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();

        JsonNode properties = schema.get("properties");
        assertThat(properties.get("type").get("const").asString()).isEqualTo(name);
        assertThat(properties.get("schemaVersion").get("const").asInt())
                .isEqualTo(recordType.getField("SCHEMA_VERSION").getInt(null));
        assertThat(properties.propertyNames())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Stream.of("type"), Arrays.stream(components).map(RecordComponent::getName))
                        .toList());
        assertThat(strings(schema.get("required")))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                Stream.of("type"),
                                Arrays.stream(components)
                                        .filter(component -> !isNullable(component))
                                        .map(RecordComponent::getName))
                        .toList());

        for (RecordComponent component : components) {
            if (component.getType().isEnum()) {
                List<String> constants = Arrays.stream(component.getType().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name())
                        .toList();
                assertThat(strings(properties.get(component.getName()).get("enum")))
                        .as("%s.%s", name, component.getName())
                        .containsExactlyElementsOf(constants);
            }
        }
    }

    @Test
    void submitterIsDefinedTheSameWayInEverySchema() {
        List<JsonNode> definitions = permittedRecords()
                .map(type -> readSchemaFile(type.getSimpleName()).get("$defs"))
                .filter(Objects::nonNull)
                .toList();
        assertThat(definitions).hasSizeGreaterThan(1).allSatisfy(defs -> {
            assertThat(defs.propertyNames()).containsExactlyInAnyOrder("Submitter", "SealedIdentity");
            assertThat(defs).isEqualTo(definitions.getFirst());
        });
        JsonNode submitter = definitions.getFirst().get("Submitter");
        assertThat(submitter.get("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(recordComponentNames(Submitter.class));
        assertThat(definitions
                        .getFirst()
                        .get("SealedIdentity")
                        .get("properties")
                        .propertyNames())
                .containsExactlyInAnyOrderElementsOf(recordComponentNames(SealedIdentity.class));
    }

    // --- the AsyncAPI document --------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiDocumentDescribesEveryTopicAndEveryEvent() {
        Map<String, Object> doc = asyncApi();
        assertThat((String) doc.get("asyncapi")).startsWith("3.");

        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) doc.get("channels");
        Map<String, Map<String, Object>> channelsByAddress = channels.values().stream()
                .collect(toMap(channel -> (String) channel.get("address"), channel -> channel));
        List<String> expectedAddresses = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetterOf(topic)))
                .toList();
        assertThat(channelsByAddress.keySet()).containsExactlyInAnyOrderElementsOf(expectedAddresses);

        channelsByAddress.forEach((address, channel) -> {
            Set<String> names = ((Map<String, Object>) channel.get("messages")).keySet();
            assertThat(names)
                    .as(address)
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Topics.eventTypeOf(address).getPermittedSubclasses())
                                    .map(Class::getSimpleName)
                                    .toList());
        });

        Map<String, Map<String, Object>> operations = (Map<String, Map<String, Object>>) doc.get("operations");
        for (String topic : Topics.ALL) {
            String channelRef = "#/channels/"
                    + channels.entrySet().stream()
                            .filter(entry -> topic.equals(entry.getValue().get("address")))
                            .findFirst()
                            .orElseThrow()
                            .getKey();
            assertThat(operations.values())
                    .filteredOn(operation -> channelRef.equals(((Map<?, ?>) operation.get("channel")).get("$ref")))
                    .extracting(operation -> operation.get("action"))
                    .as(topic)
                    .containsExactlyInAnyOrder("send", "receive");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncApiMessagesCarryTheCloudEventHeadersAndTheirSchema() throws ReflectiveOperationException {
        Map<String, Object> doc = asyncApi();
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> headerSchema =
                (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("CloudEventHeaders");
        List<String> headerNames = new ArrayList<>();
        for (var field : CloudEventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                headerNames.add((String) field.get(null));
            }
        }
        assertThat((List<String>) headerSchema.get("required")).containsExactlyInAnyOrderElementsOf(headerNames);

        Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) components.get("messages");
        assertThat(messages.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        permittedRecords().map(Class::getSimpleName).toList());
        for (IdeaEvent sample : EventSamples.all()) {
            String name = sample.getClass().getSimpleName();
            Map<String, Object> message = messages.get(name);
            assertThat(((Map<String, Object>) message.get("payload")).get("$ref"))
                    .isEqualTo("./schemas/" + name + ".schema.json");
            List<Map<String, Object>> headers =
                    (List<Map<String, Object>>) ((Map<String, Object>) message.get("headers")).get("allOf");
            assertThat(headers.getFirst()).containsEntry("$ref", "#/components/schemas/CloudEventHeaders");
            Map<String, Object> ceType = (Map<String, Object>)
                    ((Map<String, Object>) headers.get(1).get("properties")).get(CloudEventHeaders.TYPE);
            assertThat(ceType).containsEntry("const", sample.cloudEventType());
        }
    }

    @Test
    void everyAsyncApiReferenceResolves() throws URISyntaxException {
        Map<String, Object> doc = asyncApi();
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();

        URL base = resource("asyncapi.yaml");
        Set<String> files = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolvePointer(doc, ref)).as(ref).isNotNull();
            } else {
                Path file = Path.of(base.toURI()).resolveSibling(ref).normalize();
                assertThat(file).as(ref).isRegularFile();
                files.add(file.getFileName().toString());
            }
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(schemaFileNames());
    }

    // --- helpers ----------------------------------------------------------------------------------

    static Stream<Class<? extends IdeaEvent>> sealedEventTypes() {
        return SEALED_EVENT_TYPES.stream();
    }

    static Stream<Class<?>> permittedRecords() {
        return SEALED_EVENT_TYPES.stream().flatMap(type -> Arrays.stream(type.getPermittedSubclasses()));
    }

    private static Arguments broken(String label, IdeaEvent event, Consumer<ObjectNode> breakIt) {
        return Arguments.of(Named.of(label, event), breakIt);
    }

    private static String label(IdeaEvent event) {
        String name = event.getClass().getSimpleName();
        return switch (event) {
            case IdeaDecided decided -> name + " " + decided.outcome();
            case IdeaSubmitted submitted when submitted.submitter().isAnonymous() -> name + " anonymously";
            default -> name;
        };
    }

    private static String topicOf(IdeaEvent event) {
        return Topics.ALL.stream()
                .filter(topic -> Topics.eventTypeOf(topic).isInstance(event))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] serialize(String topic, IdeaEvent event) {
        try (JacksonJsonSerializer<IdeaEvent> serializer = new JacksonJsonSerializer<>()) {
            serializer.configure(Map.of(JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false), false);
            Headers headers = new RecordHeaders();
            byte[] value = serializer.serialize(topic, headers, event);
            assertThat(headers.toArray()).isEmpty();
            return value;
        }
    }

    private static JacksonJsonDeserializer<IdeaEvent> deserializerFor(String topic) {
        JacksonJsonDeserializer<IdeaEvent> deserializer = new JacksonJsonDeserializer<>();
        deserializer.configure(
                Map.of(
                        JacksonJsonDeserializer.VALUE_DEFAULT_TYPE,
                                Topics.eventTypeOf(topic).getName(),
                        JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS, false,
                        JacksonJsonDeserializer.TRUSTED_PACKAGES, IdeaEvent.class.getPackageName()),
                false);
        return deserializer;
    }

    private static Schema schemaOf(String eventName) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:schemas/" + eventName + ".schema.json"));
    }

    private static JsonNode readSchemaFile(String eventName) {
        try (InputStream in = resource("schemas/" + eventName + ".schema.json").openStream()) {
            return JSON.readTree(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Set<String> schemaFileNames() {
        try (Stream<Path> files = Files.list(Path.of(resource("schemas").toURI()))) {
            return files.map(file -> file.getFileName().toString()).collect(toSet());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asyncApi() {
        try (InputStream in = resource("asyncapi.yaml").openStream()) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(EventContractTests.class.getClassLoader().getResource(name), name);
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    private static @Nullable Object resolvePointer(Map<String, Object> doc, String ref) {
        Object node = doc;
        for (String token : ref.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(token.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static List<String> recordComponentNames(Class<?> recordType) {
        return Arrays.stream(recordType.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asString());
            }
        });
        return values;
    }
}
