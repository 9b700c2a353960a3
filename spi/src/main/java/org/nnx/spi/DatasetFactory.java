package org.nnx.spi;

/** Loads a dataset from its checked arguments. */
public interface DatasetFactory extends Component {

    /**
     * Reads and checks the data.
     *
     * @throws DatasetException when the data is missing or malformed; its message names the file and place
     */
    Dataset load(Arguments arguments, DatasetContext context) throws DatasetException;
}
