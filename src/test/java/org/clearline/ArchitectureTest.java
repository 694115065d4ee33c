package org.clearline;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 3261's layers point down (docs/ARCHITECTURE.md): these rules keep them so. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.clearline");
    }

    @Test
    void layersOnlyUseLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("time").definedBy("org.clearline.time..")
                .layer("ladder").definedBy("org.clearline.ladder..") // any layer may draw ladders
                .layer("syntax").definedBy("org.clearline.syntax..")
                .layer("transport").definedBy("org.clearline.transport..")
                .layer("transaction").definedBy("org.clearline.transaction..")
                .layer("failures").definedBy("org.clearline.failures..")
                .layer("store").definedBy("org.clearline.store..")
                .layer("core").definedBy("org.clearline.core..")
                .layer("features").definedBy("org.clearline.features..")
                .layer("calllog").definedBy("org.clearline.calllog..")
                .layer("analyzer").definedBy("org.clearline.analyzer..")
                .layer("admin").definedBy("org.clearline.admin..")
                .whereLayer("admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("admin")
                .whereLayer("calllog").mayOnlyBeAccessedByLayers("admin")
                .whereLayer("analyzer").mayOnlyBeAccessedByLayers("admin")
                .whereLayer("core").mayOnlyBeAccessedByLayers("features", "calllog", "admin")
                .whereLayer("transaction").mayOnlyBeAccessedByLayers("core", "features", "calllog", "admin")
                .whereLayer("transport").mayOnlyBeAccessedByLayers("transaction", "core", "features", "calllog", "admin")
                .whereLayer("failures").mayOnlyBeAccessedByLayers("core", "features", "calllog", "analyzer", "admin")
                .whereLayer("store").mayOnlyBeAccessedByLayers("core", "features", "calllog", "admin")
                .check(classes);
    }

    @Test
    void laddersDrawForAnyoneAndUseNothingOfOurs() {
        // the dashboard and the trace analyzer draw the same ladders: the package stays a leaf
        classes().that().resideInAPackage("org.clearline.ladder..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.clearline.ladder..", "java..")
                .check(classes);
    }

    @Test
    void syntaxIsSelfContained() {
        noClasses().that().resideInAPackage("org.clearline.syntax..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clearline.time..", "org.clearline.transport..",
                        "org.clearline.transaction..", "org.clearline.core..", "org.clearline.features..",
                        "org.clearline.failures..", "org.clearline.store..", "org.clearline.admin..", "io.netty..")
                .check(classes);
    }

    /**
     * The trace analyzer explains traces of any SIP system: it reads them with
     * the syntax layer and tells them with the failure catalogue, never with the
     * server's own transport, transactions, core or store.
     */
    @Test
    void theAnalyzerUsesOnlySyntaxAndTheCatalogue() {
        noClasses().that().resideInAPackage("org.clearline.analyzer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.clearline.transport..",
                        "org.clearline.transaction..", "org.clearline.core..", "org.clearline.features..",
                        "org.clearline.store..", "org.clearline.calllog..", "org.clearline.admin..",
                        "org.clearline.time..", "io.netty..", "java.sql..")
                .check(classes);
    }

    /** What the analyzer may use at all: syntax to read, the catalogue to explain, ladders to draw, and Jackson. */
    @Test
    void theAnalyzerReadsWithSyntaxExplainsWithTheCatalogueAndDrawsWithLadders() {
        classes().that().resideInAPackage("org.clearline.analyzer..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.clearline.analyzer..",
                        "org.clearline.syntax..", "org.clearline.failures..", "org.clearline.ladder..", "java..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void onlyTheTransportAndTheWiringTouchNetty() {
        noClasses().that().resideOutsideOfPackages("org.clearline.transport..", "org.clearline.admin..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }

    @Test
    void theHotPathNeverTouchesJdbc() {
        noClasses().that().resideInAnyPackage("org.clearline.syntax..", "org.clearline.transport..",
                        "org.clearline.transaction..", "org.clearline.core..", "org.clearline.features..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer..",
                        "org.h2..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void onlyTheAdministrationListenerTouchesTheWebServer() {
        noClasses().that().resideOutsideOfPackages("org.clearline.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..",
                        "jakarta.servlet..", "io.micrometer..")
                .check(classes);
    }

    /** Every failure we answer with has a catalogue situation, hence an explanation (issue 5). */
    @Test
    void failureResponsesComeOnlyFromTheCatalogue() {
        noClasses().that().resideOutsideOfPackages("org.clearline.syntax..", "org.clearline.failures..")
                .should().callMethod(org.clearline.syntax.Responses.class, "create",
                        org.clearline.syntax.SipRequest.class, int.class, String.class, String.class)
                .because("3xx-6xx responses are made by FailureResponses from a Situation; 1xx/2xx by Responses.success")
                .check(classes);
    }
}
