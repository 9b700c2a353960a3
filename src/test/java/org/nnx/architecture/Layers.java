package org.nnx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * nnx's package rules, for the packages under one root ({@code org.nnx}, or a test fixture's root). The
 * direction is one way: {@code tensor ← spi ← (check, nn, builtins, plugin)} for the numerics and the
 * extension points, and {@code dsl → analysis → model → train → saved → report} for what a file becomes; the
 * registry sits between the SPI and everything that names components. Guice is used only where plugins are
 * loaded and the command is composed, and the SPI that plugins compile against depends on nothing but the
 * tensor types and the JDK. The tensor types the SPI artifact ({@code nnx-spi}) carries, {@code Tensor} and
 * {@code Precision}, depend on nothing but each other and the JDK; the rest of {@code tensor} is the engine's.
 */
final class Layers {
    private Layers() {}

    static List<ArchRule> rules(String root) {
        return List.of(layers(root), guiceAtTheEdges(root), spiDependsOnNothing(root), spiTensorTypesStandAlone(root));
    }

    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("tensor")
                .definedBy(root + ".tensor..")
                .layer("spi")
                .definedBy(root + ".spi..")
                .layer("check")
                .definedBy(root + ".check..")
                .layer("nn")
                .definedBy(root + ".nn..")
                .layer("builtins")
                .definedBy(root + ".builtins..")
                .layer("registry")
                .definedBy(root + ".registry..")
                .layer("plugin")
                .definedBy(root + ".plugin..")
                .layer("dsl")
                .definedBy(root + ".dsl..")
                .layer("model")
                .definedBy(root + ".model..")
                .layer("analysis")
                .definedBy(root + ".analysis..")
                .layer("train")
                .definedBy(root + ".train..")
                .layer("saved")
                .definedBy(root + ".saved..")
                .layer("report")
                .definedBy(root + ".report..")
                .layer("bench")
                .definedBy(root + ".bench..")
                .layer("files")
                .definedBy(root + ".files..")
                .layer("cli")
                .definedBy(root + ".cli..")
                .whereLayer("tensor")
                .mayNotAccessAnyLayer()
                .whereLayer("spi")
                .mayOnlyAccessLayers("tensor")
                .whereLayer("check")
                .mayOnlyAccessLayers("spi", "tensor")
                .whereLayer("nn")
                .mayOnlyAccessLayers("spi", "tensor")
                .whereLayer("builtins")
                .mayOnlyAccessLayers("nn", "spi", "tensor")
                .whereLayer("registry")
                .mayOnlyAccessLayers("spi", "tensor")
                .whereLayer("plugin")
                .mayOnlyAccessLayers("registry", "check", "files", "spi", "tensor")
                .whereLayer("dsl")
                .mayNotAccessAnyLayer()
                .whereLayer("model")
                .mayOnlyAccessLayers("spi")
                .whereLayer("analysis")
                .mayOnlyAccessLayers("dsl", "model", "registry", "spi", "tensor")
                .whereLayer("train")
                .mayOnlyAccessLayers("model", "registry", "check", "files", "spi", "tensor")
                .whereLayer("files")
                .mayNotAccessAnyLayer()
                .whereLayer("saved")
                .mayOnlyAccessLayers("train", "model", "registry", "builtins", "files", "spi", "tensor")
                .whereLayer("report")
                .mayOnlyAccessLayers("saved", "train", "model", "files", "spi", "tensor")
                .whereLayer("bench")
                .mayOnlyAccessLayers(
                        "analysis", "dsl", "train", "model", "registry", "plugin", "builtins", "files", "spi", "tensor")
                .whereLayer("cli")
                .mayOnlyAccessLayers(
                        "bench",
                        "report",
                        "saved",
                        "train",
                        "analysis",
                        "dsl",
                        "model",
                        "registry",
                        "plugin",
                        "check",
                        "files",
                        "spi",
                        "tensor");
    }

    /** Guice wires plugins and the command together; the numerics and the training loop never see it. */
    static ArchRule guiceAtTheEdges(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(root + ".plugin..", root + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.inject..")
                .because("Guice lives at the edges: plugin loading and the composition root")
                .allowEmptyShould(true);
    }

    /** What plugins compile against: the SPI, the tensor types and the JDK, nothing else. */
    static ArchRule spiDependsOnNothing(String root) {
        return classes()
                .that()
                .resideInAPackage(root + ".spi..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".spi..", root + ".tensor..", "java..")
                .because("plugins compile against the SPI alone")
                .allowEmptyShould(true);
    }

    /** {@code Tensor} and {@code Precision} ship in the SPI artifact, so they cannot reach the engine's tensor code. */
    static ArchRule spiTensorTypesStandAlone(String root) {
        return classes()
                .that()
                .haveFullyQualifiedName(root + ".tensor.Tensor")
                .or()
                .haveFullyQualifiedName(root + ".tensor.Precision")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAPackage("java..")
                        .or(HasName.Predicates.nameMatching(
                                // Arrays of them too: an enum's values() returns one.
                                "(\\[+L)?" + Pattern.quote(root + ".tensor.") + "(Tensor|Precision)(\\$.*)?;?")))
                .because("the SPI artifact carries these two tensor types alone")
                .allowEmptyShould(true);
    }
}
