package it.comuni.peg.api.smvp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import it.comuni.peg.api.comune.ValoriNonValidi;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The method as a document: YAML or JSON in the shape of the published schema
 * ({@code docs/smvp/metodo-smvp.schema.json}, on the classpath as {@code smvp/metodo-smvp.schema.json}).
 *
 * <p>Reading checks the document against the schema (networknt json-schema-validator 3, on Jackson 3
 * trees: the Jackson of the web layer; Axon's Jackson 2 serializer never sees a document) and then
 * against {@link RegoleMetodo}, and reports every error of both at once. To get that far with a broken
 * document, each part the schema refused is blanked (or, an unknown field, dropped) before the
 * document is read into records, and the rules pass over blank parts: so each mistake is told once,
 * with the JSON path of its place ({@code $.indicatori[2].soglie.massimo}) and an Italian message.
 * Numbers are read as {@code BigDecimal}, never through a double.
 */
public final class DocumentoMetodo {

    /** The two spellings of the same document. */
    public enum Formato {
        YAML,
        JSON
    }

    private static final String SCHEMA = "smvp/metodo-smvp.schema.json";

    private static final ObjectMapper JSON = configura(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configura(YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES))
            .build();
    private static final ObjectMapper CANONICO = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final Schema VALIDATORE = caricaSchema();

    private DocumentoMetodo() {
    }

    /**
     * The method the document holds.
     *
     * @throws ValoriNonValidi listing every error of the document (syntax, schema, rules), each with its path
     */
    public static MetodoSmvp leggi(String testo, Formato formato) {
        Lettura lettura = analizza(testo, formato);
        if (!lettura.errori().isEmpty()) {
            throw new ValoriNonValidi(lettura.errori());
        }
        return lettura.metodo();
    }

    /** Every error of the document, in document order, schema first; empty when it is a valid method. */
    public static List<ValoriNonValidi.Errore> errori(String testo, Formato formato) {
        return analizza(testo, formato).errori();
    }

    /**
     * Every error of a method built in code (a command's body, a test's generator), checked exactly as
     * its document would be.
     */
    public static List<ValoriNonValidi.Errore> verifica(MetodoSmvp metodo) {
        return analizza((ObjectNode) JSON.valueToTree(metodo)).errori();
    }

    /** The document of {@code metodo}; reading it back gives an equal method. Absent parts are left out. */
    public static String scrivi(MetodoSmvp metodo, Formato formato) {
        return (formato == Formato.YAML ? YAML : JSON).writerWithDefaultPrettyPrinter().writeValueAsString(metodo);
    }

    /**
     * The canonical JSON of {@code metodo}: compact, members of every object in alphabetical order,
     * absent parts left out, every number in its shortest plain form ({@code 50}, never {@code 50.0}).
     * Two methods that say the same thing have the same canonical JSON, whichever spelling they came in.
     */
    public static String canonico(MetodoSmvp metodo) {
        return CANONICO.writeValueAsString(albero(metodo));
    }

    /** The tree of {@link #canonico}: what {@link DifferenzeMetodo} compares. */
    static JsonNode albero(MetodoSmvp metodo) {
        return normalizza(JSON.valueToTree(metodo));
    }

    /** SHA-256 of {@link #canonico} in UTF-8, as 64 lowercase hex digits. */
    public static String impronta(MetodoSmvp metodo) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonico(metodo).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest's javadoc)
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode normalizza(JsonNode nodo) {
        if (nodo instanceof ObjectNode oggetto) {
            ObjectNode ordinato = JSON.createObjectNode();
            new TreeSet<>(oggetto.propertyNames()).forEach(k -> ordinato.set(k, normalizza(oggetto.get(k))));
            return ordinato;
        }
        if (nodo instanceof ArrayNode elenco) {
            ArrayNode copia = JSON.createArrayNode();
            elenco.forEach(e -> copia.add(normalizza(e)));
            return copia;
        }
        if (nodo.isNumber()) {
            BigDecimal n = nodo.decimalValue().stripTrailingZeros();
            return JsonNodeFactory.instance.numberNode(n.scale() < 0 ? n.setScale(0) : n);
        }
        return nodo;
    }

    private record Lettura(MetodoSmvp metodo, List<ValoriNonValidi.Errore> errori) {
    }

    private static Lettura analizza(String testo, Formato formato) {
        JsonNode albero;
        try {
            albero = (formato == Formato.YAML ? YAML : JSON).readTree(testo == null ? "" : testo);
        } catch (JacksonException e) {
            var dove = e.getLocation();
            String posizione = dove == null || dove.getLineNr() < 0 ? ""
                    : " (riga " + dove.getLineNr() + ", colonna " + dove.getColumnNr() + ")";
            return new Lettura(null, List.of(new ValoriNonValidi.Errore("$",
                    "Il documento non è " + formato + " leggibile" + posizione)));
        }
        if (albero == null || albero.isMissingNode() || !albero.isObject()) {
            return new Lettura(null, List.of(new ValoriNonValidi.Errore("$",
                    "Il documento deve essere un oggetto con le parti del metodo (formato, ente, anno, ...)")));
        }
        return analizza((ObjectNode) albero);
    }

    private static Lettura analizza(ObjectNode albero) {
        List<Error> errori = VALIDATORE.validate(albero);
        Set<ValoriNonValidi.Errore> tutti = new LinkedHashSet<>();
        for (Error e : errori) {
            tutti.add(MessaggiSchema.errore(e));
        }
        ObjectNode ripulito = albero.deepCopy();
        for (Error e : errori) {
            scarta(ripulito, e);
        }
        MetodoSmvp metodo;
        try {
            metodo = JSON.treeToValue(ripulito, MetodoSmvp.class);
        } catch (JacksonException e) {
            // the schema admits nothing the records cannot hold: reaching here is a mismatch between the two
            tutti.add(new ValoriNonValidi.Errore("$", "Il documento non corrisponde al modello del metodo"));
            return new Lettura(null, List.copyOf(tutti));
        }
        tutti.addAll(RegoleMetodo.verifica(metodo));
        return new Lettura(metodo, List.copyOf(tutti));
    }

    /**
     * Blanks the part an error is about, so that reading and the rules pass over it: an unknown field
     * (or key) goes, a missing one stays missing, anything else becomes null in its place (indexes of
     * arrays stay as the paths say).
     */
    private static void scarta(ObjectNode radice, Error e) {
        NodePath dove = e.getInstanceLocation();
        String chiave = switch (e.getKeyword()) {
            case "required", "dependentRequired" -> null;
            case "additionalProperties", "propertyNames" -> e.getProperty();
            default -> "";
        };
        if (chiave == null) {
            return;
        }
        JsonNode padre = radice;
        int passi = chiave.isEmpty() ? dove.getNameCount() - 1 : dove.getNameCount();
        if (passi < 0) {
            return;
        }
        for (int i = 0; i < passi && padre != null; i++) {
            Object elemento = dove.getElement(i);
            padre = elemento instanceof Integer indice ? padre.get(indice) : padre.get(String.valueOf(elemento));
        }
        if (padre instanceof ObjectNode oggetto) {
            if (!chiave.isEmpty()) {
                oggetto.remove(chiave);
            } else {
                oggetto.set(String.valueOf(dove.getElement(passi)), NullNode.getInstance());
            }
        } else if (padre instanceof ArrayNode elenco && chiave.isEmpty() && dove.getElement(passi) instanceof Integer indice) {
            elenco.set(indice, NullNode.getInstance());
        }
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configura(B builder) {
        return builder
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    private static Schema caricaSchema() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ITALIAN)
                .build();
        SchemaRegistry registro = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        try (InputStream in = DocumentoMetodo.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("Schema del metodo SMVP assente dal classpath: " + SCHEMA);
            }
            return registro.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
