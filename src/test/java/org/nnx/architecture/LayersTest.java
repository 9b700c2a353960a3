package org.nnx.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** nnx's own classes keep the package rules of {@link Layers}. */
class LayersTest {
    private static final JavaClasses NNX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nnx");

    static Stream<ArchRule> rules() {
        return Layers.rules("org.nnx").stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void nnxKeepsTheRule(ArchRule rule) {
        rule.check(NNX);
    }
}
