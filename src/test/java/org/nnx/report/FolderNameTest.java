package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FolderNameTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "learning_rate=0.1,optimizer=adam | learning_rate=0.1,optimizer=adam",
                "two_layer_net                    | two_layer_net",
                "init=gaussian(0.01)              | init=gaussian(0.01)",
                "dense 50                         | dense 50",
                "données=é                        | données=é",
                "path=a/b                         | path=a%2Fb",
                "path=a\\b                        | path=a%5Cb",
                "`x:*?\"<>|`                      | x%3A%2A%3F%22%3C%3E%7C",
                "50%                              | 50%25",
                ".                                | %2E",
                "..                               | .%2E",
                "`run. `                          | run.%20",
                "name.                            | name%2E",
                "CON                              | %43ON",
                "nul.txt                          | %6Eul.txt",
                "console                          | console",
            })
    void keepsSafeCharactersAndEncodesUnsafeOnes(String runName, String expected) {
        assertEquals(expected, ReportWriter.folderName(runName));
    }

    @Test
    void controlCharactersAreEncoded() {
        assertEquals("a%0Ab%09c%7F", ReportWriter.folderName("a\nb\tc\u007f"));
    }

    @Test
    void neverEmpty() {
        assertEquals("_", ReportWriter.folderName(""));
        assertEquals("_", ReportWriter.folderName(null));
    }

    @Test
    void differentNamesGetDifferentFolders() {
        assertNotEquals(ReportWriter.folderName("a/b"), ReportWriter.folderName("a%2Fb"));
        assertNotEquals(ReportWriter.folderName("a."), ReportWriter.folderName("a"));
    }

    @Test
    void longNamesAreCutAndKeptDistinct() {
        String base = "learning_rate=0.1,".repeat(20);
        String first = ReportWriter.folderName(base + "optimizer=adam");
        String second = ReportWriter.folderName(base + "optimizer=sgd");
        assertNotEquals(first, second);
        assertTrue(first.getBytes(StandardCharsets.UTF_8).length <= 200, first);
        assertTrue(first.startsWith("learning_rate=0.1,learning_rate=0.1,"));
        assertTrue(first.matches(".*~[0-9a-f]{8}"), first);
        String multibyte = ReportWriter.folderName("é".repeat(150));
        assertTrue(multibyte.getBytes(StandardCharsets.UTF_8).length <= 200);
        assertTrue(multibyte.matches("é+~[0-9a-f]{8}"), multibyte);
    }

    @Test
    void encodedLongNamesAreNotCutInsideAnEscape() {
        String name = ReportWriter.folderName("/".repeat(100));
        assertTrue(name.matches("(%2F)+~[0-9a-f]{8}"), name);
    }

    @Test
    void resultsAreUsableAsFolders(@TempDir Path temp) throws Exception {
        for (String runName : new String[] {"a/b", "..", ".", "x:y", "learning_rate=0.1,optimizer=adam", "tab\there"}) {
            Path folder = temp.resolve(ReportWriter.folderName(runName));
            assertEquals(temp, folder.getParent(), runName);
            Files.createDirectories(folder);
            assertTrue(Files.isDirectory(folder), runName);
            assertFalse(folder.normalize().equals(temp), runName);
        }
    }
}
