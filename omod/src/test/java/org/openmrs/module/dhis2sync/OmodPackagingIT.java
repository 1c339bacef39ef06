package org.openmrs.module.dhis2sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.settings.SettingsField;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the built .omod against what OpenMRS 2.5's ModuleFileParser and ModuleClassLoader load. Runs
 * at {@code verify}, on the file named by the system property {@code dhis2sync.omod}.
 */
class OmodPackagingIT {

    /** OpenMRS's module class loader is child-first: any of these in lib/ would shadow OpenMRS's own copy. */
    private static final Pattern PROVIDED_BY_OPENMRS = Pattern.compile(
        "lib/(spring|hibernate|jackson|slf4j|log4j|servlet|javax\\.servlet|javax\\.persistence|jakarta|liquibase"
            + "|openmrs|byte-buddy|antlr|dom4j|jboss|classmate|mysql|mariadb|h2-).*");

    /** What lib/ may hold: the api jar and the HTTP client OpenMRS lacks. */
    private static final Pattern SHIPPED = Pattern.compile(
        "lib/(dhis2sync-api|httpclient5|httpcore5|httpcore5-h2)-[0-9][^/]*\\.jar");

    /** The order of config-1.6.dtd's children of module, for the elements a module may use. */
    private static final List<String> DTD_ORDER = List.of("id", "name", "version", "package", "author", "description",
        "activator", "updateURL", "require_version", "require_database_version", "require_modules",
        "aware_of_modules", "start_before_modules", "mandatory", "library", "extension", "advice", "privilege",
        "globalProperty", "dwr", "servlet", "filter", "filter-mapping", "messages", "mappingFiles",
        "packagesWithMappedClasses", "conditionalResources");

    private static final int JAVA_8_MAJOR_VERSION = 52;

    private static Path omodPath;
    private static ZipFile omod;
    /** The start of every class file of the .omod and of the jars in its lib/ (named "lib/x.jar!/path"). */
    private static Map<String, byte[]> classFiles;
    /** Every entry of the jars in lib/, named "lib/x.jar!/path". */
    private static List<String> nestedEntries;

    @BeforeAll
    static void openTheOmod() throws IOException {
        String location = System.getProperty("dhis2sync.omod");
        assertThat(location).as("system property dhis2sync.omod (set by the omod pom's failsafe configuration)")
            .isNotBlank();
        omodPath = Paths.get(location);
        assertThat(omodPath).as("the built .omod").isRegularFile();
        assertThat(omodPath.getFileName().toString()).matches("dhis2sync-[0-9][^/]*\\.omod");
        omod = new ZipFile(omodPath.toFile());
        classFiles = new LinkedHashMap<>();
        nestedEntries = new ArrayList<>();
        for (ZipEntry entry : Collections.list(omod.entries())) {
            if (entry.getName().endsWith(".class")) {
                classFiles.put(entry.getName(), readStart(omod.getInputStream(entry)));
            }
            if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                readJar(entry);
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        if (omod != null) {
            omod.close();
        }
    }

    private static void readJar(ZipEntry jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(omod.getInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = jar.getName() + "!/" + entry.getName();
                nestedEntries.add(name);
                if (entry.getName().endsWith(".class")) {
                    classFiles.put(name, readStart(in));
                }
            }
        }
    }

    /** The first 8 bytes: magic number, minor and major version. */
    private static byte[] readStart(InputStream in) throws IOException {
        byte[] start = new byte[8];
        int read = 0;
        while (read < start.length) {
            int count = in.read(start, read, start.length - read);
            if (count < 0) {
                break;
            }
            read += count;
        }
        return start;
    }

    private static boolean hasEntry(String name) {
        return omod.getEntry(name) != null;
    }

    private static List<String> libJars() {
        return Collections.list(omod.entries()).stream().map(ZipEntry::getName)
            .filter(name -> name.startsWith("lib/") && !name.equals("lib/")).sorted().collect(Collectors.toList());
    }

    private static Document configXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the DOCTYPE names OpenMRS's DTD on the web; OpenMRS resolves it offline, this test does not load it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setValidating(false);
        try (InputStream in = omod.getInputStream(omod.getEntry("config.xml"))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && (name == null || node.getNodeName().equals(name))) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getNodeName()).hasSize(1);
        return found.get(0).getTextContent().trim();
    }

    @Test
    void hasTheFilesOpenmrsReadsAtItsRoot() {
        assertThat(hasEntry("config.xml")).as("config.xml").isTrue();
        assertThat(hasEntry("webModuleApplicationContext.xml")).as("webModuleApplicationContext.xml").isTrue();
        assertThat(hasEntry("messages.properties")).as("messages.properties").isTrue();
        assertThat(hasEntry("org/openmrs/module/dhis2sync/Dhis2SyncActivator.class")).as("omod classes at the root")
            .isTrue();
        assertThat(hasEntry("web/module/resources/index.html")).as("the admin page").isTrue();
    }

    @Test
    void moduleApplicationContextIsReachableAtAClasspathRoot() {
        boolean atRoot = hasEntry("moduleApplicationContext.xml");
        boolean inApiJar = nestedEntries.stream()
            .anyMatch(name -> name.matches("lib/dhis2sync-api-[^/]*\\.jar!/moduleApplicationContext\\.xml"));

        assertThat(atRoot || inApiJar).as("moduleApplicationContext.xml at the root or in the api jar's root").isTrue();
    }

    @Test
    void carriesTheProjectsChangelogAtItsRoot() throws IOException {
        Path changelog = Paths.get(System.getProperty("dhis2sync.project.root", "."), "liquibase", "liquibase.xml");
        assumeTrue(Files.isRegularFile(changelog), "the project has no liquibase/liquibase.xml (yet)");

        assertThat(hasEntry("liquibase.xml")).as("liquibase.xml at the root").isTrue();
        try (InputStream packaged = omod.getInputStream(omod.getEntry("liquibase.xml"));
            InputStream source = Files.newInputStream(changelog)) {
            assertThat(packaged).as("the packaged changelog").hasSameContentAs(source);
        }
    }

    @Test
    void libHoldsTheApiJarAndOnlyWhatOpenmrsLacks() {
        List<String> libs = libJars();

        assertThat(libs).as("lib/").anyMatch(name -> name.matches("lib/dhis2sync-api-[^/]*\\.jar"))
            .anyMatch(name -> name.matches("lib/httpclient5-[0-9][^/]*\\.jar"))
            .anyMatch(name -> name.matches("lib/httpcore5-[0-9][^/]*\\.jar"));
        assertThat(libs).as("libraries OpenMRS already ships (they would shadow OpenMRS's)")
            .noneMatch(name -> PROVIDED_BY_OPENMRS.matcher(name).matches());
        assertThat(libs).as("only the api jar and httpclient5/httpcore5 are shipped")
            .allMatch(name -> SHIPPED.matcher(name).matches());
    }

    @Test
    void shipsNoOpenmrsClassOfItsOwn() {
        List<String> foreign = classFiles.keySet().stream()
            .map(name -> name.contains("!/") ? name.substring(name.indexOf("!/") + 2) : name)
            .filter(name -> name.startsWith("org/openmrs/") && !name.startsWith("org/openmrs/module/dhis2sync/"))
            .collect(Collectors.toList());

        assertThat(foreign).as("OpenMRS declarations (openmrs-provided) must never ship").isEmpty();
    }

    @Test
    void everyClassIsJava8Bytecode() {
        assertThat(classFiles).as("class files in the .omod and its lib jars").isNotEmpty();
        Map<String, Integer> newer = new LinkedHashMap<>();
        classFiles.forEach((name, start) -> {
            assertThat(new ByteArrayInputStream(start, 0, 4)).as("class file magic of %s", name)
                .hasBinaryContent(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE });
            int major = ((start[6] & 0xFF) << 8) | (start[7] & 0xFF);
            if (major > JAVA_8_MAJOR_VERSION) {
                newer.put(name, major);
            }
        });

        assertThat(newer).as("class files newer than Java 8 (major version 52)").isEmpty();
    }

    @Test
    void configXmlDeclaresTheModule() throws Exception {
        Element module = configXml().getDocumentElement();

        assertThat(module.getNodeName()).isEqualTo("module");
        assertThat(module.getAttribute("configVersion")).isEqualTo("1.6");
        assertThat(configXml().getDoctype().getSystemId())
            .isEqualTo("https://resources.openmrs.org/doctype/config-1.6.dtd");
        assertThat(text(module, "id")).isEqualTo("dhis2sync");
        assertThat(text(module, "name")).isEqualTo("DHIS2 Sync");
        String version = text(module, "version");
        assertThat(version).as("version, filtered from the pom").matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
        assertThat(omodPath.getFileName().toString()).isEqualTo("dhis2sync-" + version + ".omod");
        assertThat(text(module, "package")).isEqualTo("org.openmrs.module.dhis2sync");
        assertThat(text(module, "author")).isNotEmpty();
        assertThat(text(module, "description")).isNotEmpty();
        assertThat(text(module, "require_version")).isEqualTo("2.5.0");
        assertThat(children(module, "mappingFiles")).isEmpty();
        assertThat(text(module, "packagesWithMappedClasses").split("\\s+"))
            .containsExactly("org.openmrs.module.dhis2sync.mapping", "org.openmrs.module.dhis2sync.tracking");
    }

    @Test
    void configXmlNamesAnActivatorThatIsInTheArchive() throws Exception {
        String activator = text(configXml().getDocumentElement(), "activator");

        assertThat(activator).isEqualTo("org.openmrs.module.dhis2sync.Dhis2SyncActivator");
        assertThat(hasEntry(activator.replace('.', '/') + ".class")).as("%s at the root of the .omod", activator)
            .isTrue();
    }

    @Test
    void configXmlDeclaresTheFourPrivileges() throws Exception {
        List<Element> privileges = children(configXml().getDocumentElement(), "privilege");

        assertThat(privileges.stream().map(privilege -> text(privilege, "name")))
            .containsExactlyElementsOf(Dhis2SyncPrivileges.all());
        assertThat(privileges).allSatisfy(privilege -> assertThat(text(privilege, "description")).isNotEmpty());
    }

    @Test
    void configXmlDeclaresTheSevenSettingsWithTheirDefaults() throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element property : children(configXml().getDocumentElement(), "globalProperty")) {
            assertThat(text(property, "description")).as("description of %s", text(property, "property"))
                .isNotEmpty();
            defaults.put(text(property, "property"), text(property, "defaultValue"));
        }

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(SettingsField.URL.globalProperty(), "");
        expected.put(SettingsField.USERNAME.globalProperty(), "");
        expected.put(SettingsField.PASSWORD.globalProperty(), "");
        expected.put(SettingsField.API.globalProperty(), SyncSettings.DEFAULT_API.text());
        expected.put(SettingsField.DEFAULT_ORG_UNIT.globalProperty(), "");
        expected.put(SettingsField.BATCH_SIZE.globalProperty(), String.valueOf(SyncSettings.DEFAULT_BATCH_SIZE));
        expected.put(SettingsField.TIMEOUT_SECONDS.globalProperty(), String.valueOf(SyncSettings.DEFAULT_TIMEOUT_SECONDS));
        assertThat(defaults).containsExactlyEntriesOf(expected);
        assertThat(expected).containsEntry("dhis2sync.dhis2.api", "auto").containsEntry("dhis2sync.batchSize", "250")
            .containsEntry("dhis2sync.http.timeoutSeconds", "60");
    }

    @Test
    void configXmlSaysThePasswordIsStoredEncrypted() throws Exception {
        Element password = children(configXml().getDocumentElement(), "globalProperty").stream()
            .filter(property -> text(property, "property").equals("dhis2sync.dhis2.password")).findFirst()
            .orElseThrow();

        assertThat(text(password, "description")).contains("encrypted");
    }

    @Test
    void configXmlHasTheEnglishMessagesInTheArchive() throws Exception {
        List<Element> messages = children(configXml().getDocumentElement(), "messages");

        assertThat(messages).hasSize(1);
        assertThat(text(messages.get(0), "lang")).isEqualTo("en");
        assertThat(hasEntry(text(messages.get(0), "file"))).as("the messages file at the root").isTrue();
    }

    @Test
    void configXmlFollowsTheDtdsElementOrder() throws Exception {
        List<String> names = children(configXml().getDocumentElement(), null).stream().map(Element::getNodeName)
            .collect(Collectors.toList());

        assertThat(DTD_ORDER).as("elements known to config-1.6.dtd").containsAll(names);
        List<Integer> positions = names.stream().map(DTD_ORDER::indexOf).collect(Collectors.toList());
        assertThat(positions).as("positions of %s in the DTD's order", names).isSorted();
    }
}
