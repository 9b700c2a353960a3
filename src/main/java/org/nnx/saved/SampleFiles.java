package org.nnx.saved;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnx.builtins.ByteImageSplit;
import org.nnx.builtins.IdxFile;
import org.nnx.builtins.data.CsvSamples;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;

/**
 * The samples of a file to classify, as a model takes them: an IDX file of images or of rows of bytes
 * (gzip-compressed or not), whose samples must have the model's width, one PNG, JPEG, GIF or BMP image,
 * made into a sample of the model's image shape ({@link DrawnImage}), or a CSV file of rows with the columns of
 * the model's training file, scaled as training scaled them ({@link CsvSamples}). Only CSV rows may come with
 * their labels, in the training file's label column.
 */
public final class SampleFiles {
    /**
     * The samples of one file.
     *
     * @param split    the samples; each one's class when {@code labelled}, else 0
     * @param labelled whether the file said each sample's class
     */
    public record Samples(Split split, boolean labelled) {}

    private SampleFiles() {}

    /**
     * @param features      the model's sample width
     * @param imageShape    the model's {@code [height, width]}, or null when it was not trained on images
     * @param preprocessing what the model's dataset kept for reading new samples ({@link CsvSamples} for CSV rows)
     * @param classNames    the model's classes, which the labels of CSV rows must name
     * @throws SavedModelException in one line naming the file (and the line, in a CSV file)
     */
    public static Samples read(
            Path file, int features, int[] imageShape, Map<String, Object> preprocessing, List<String> classNames)
            throws SavedModelException {
        if (!Files.exists(file)) {
            throw new SavedModelException(file + ": no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")
                || name.endsWith(".jpg")
                || name.endsWith(".jpeg")
                || name.endsWith(".gif")
                || name.endsWith(".bmp")) {
            if (imageShape == null) {
                throw new SavedModelException(file + ": an image, but the model was not trained on images");
            }
            byte[] pixels = DrawnImage.read(file, imageShape[0], imageShape[1]);
            return new Samples(new ByteImageSplit(pixels, new byte[1], pixels.length), false);
        }
        if (name.endsWith(".csv")) {
            try {
                CsvSamples.Rows rows = CsvSamples.read(file, preprocessing, classNames);
                return new Samples(rows.split(), rows.labelled());
            } catch (DatasetException e) {
                throw new SavedModelException(e.getMessage());
            }
        }
        return new Samples(idx(file, features), false);
    }

    private static Split idx(Path file, int features) throws SavedModelException {
        IdxFile idx;
        try (InputStream in = Files.newInputStream(file)) {
            idx = IdxFile.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new SavedModelException(file + ": no such file");
        } catch (IOException e) {
            throw new SavedModelException(file + ": cannot read: " + e.getMessage());
        } catch (DatasetException e) {
            throw new SavedModelException(e.getMessage());
        }
        if (idx.dimensions().length < 2) {
            throw new SavedModelException(file + ": holds " + idx.shape() + " values, not samples of " + features
                    + " features (a labels file?)");
        }
        if (idx.itemSize() != features) {
            throw new SavedModelException(file + ": samples of " + idx.shape() + " = " + idx.itemSize()
                    + " features; the model takes " + features);
        }
        return new ByteImageSplit(idx.data(), new byte[idx.count()], features);
    }
}
