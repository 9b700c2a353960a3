package org.nnx.builtins;

import java.util.List;
import java.util.Optional;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;

/**
 * Images (or any byte data) with class labels read from IDX files: a training and a test split, one byte
 * a feature, scaled to [0, 1] one mini-batch at a time.
 *
 * @param pixelShape one item's shape as an image ({@code [height, width]} or {@code [height, width,
 *                   channels]}), or null when the items are not images a report can draw
 */
public record ImageDataset(
        ByteImageSplit trainSplit,
        ByteImageSplit testSplit,
        int features,
        List<String> classNames,
        String description,
        int[] pixelShape)
        implements Dataset {

    /**
     * Pairs IDX image and label files, checking that they agree.
     *
     * @param names how messages name the four sources, in the order of the arguments
     */
    public static ImageDataset of(
            IdxFile trainImages,
            IdxFile trainLabels,
            IdxFile testImages,
            IdxFile testLabels,
            String[] names,
            List<String> classNames,
            String description)
            throws DatasetException {
        ByteImageSplit train = split(trainImages, trainLabels, names[0], names[1], classNames.size());
        ByteImageSplit test = split(testImages, testLabels, names[2], names[3], classNames.size());
        if (trainImages.itemSize() != testImages.itemSize()) {
            throw new DatasetException(names[2] + ": test images have " + testImages.itemSize()
                    + " values each but training images " + trainImages.itemSize());
        }
        return new ImageDataset(
                train, test, trainImages.itemSize(), classNames, description, pixelShape(trainImages.dimensions()));
    }

    /**
     * The image shape of IDX items: rank 3 ({@code N×H×W}) is grey, rank 4 ({@code N×H×W×C}) with 1 or 3
     * channels is grey or RGB; anything else is data that nobody can look at as a picture.
     */
    static int[] pixelShape(int[] dimensions) {
        if (dimensions.length == 3) {
            return new int[] {dimensions[1], dimensions[2]};
        }
        if (dimensions.length == 4 && (dimensions[3] == 1 || dimensions[3] == 3)) {
            return new int[] {dimensions[1], dimensions[2], dimensions[3]};
        }
        return null;
    }

    private static ByteImageSplit split(
            IdxFile images, IdxFile labels, String imagesName, String labelsName, int classes) throws DatasetException {
        checkLabelRank(labels, labelsName);
        if (images.count() != labels.count()) {
            throw new DatasetException(imagesName + " has " + images.count() + " images but " + labelsName + " has "
                    + labels.count() + " labels");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            if ((labelBytes[i] & 0xFF) >= classes) {
                throw new DatasetException(labelsName + ": label " + (labelBytes[i] & 0xFF) + " of item " + i
                        + " is not a class in [0, " + classes + ")");
            }
        }
        return new ByteImageSplit(images.data(), labelBytes, images.itemSize());
    }

    /** Labels are one byte an item: an IDX array of rank 1. */
    public static void checkLabelRank(IdxFile labels, String labelsName) throws DatasetException {
        if (labels.dimensions().length != 1) {
            throw new DatasetException(labelsName + ": labels must be a rank-1 IDX array (one byte an item), got"
                    + " dimensions " + labels.shape());
        }
    }

    /** This dataset with the first {@code n} training samples only. */
    public ImageDataset limitTraining(int n) {
        if (n >= trainSplit.size()) {
            return this;
        }
        return new ImageDataset(trainSplit.limit(n), testSplit, features, classNames, description, pixelShape);
    }

    @Override
    public Split train() {
        return trainSplit;
    }

    @Override
    public Split test() {
        return testSplit;
    }

    @Override
    public Optional<int[]> imageShape() {
        return pixelShape == null ? Optional.empty() : Optional.of(pixelShape.clone());
    }
}
