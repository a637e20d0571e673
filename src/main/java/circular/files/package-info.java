/**
 * How circular reads and writes files: the text files users edit, read strictly as UTF-8 ({@link
 * circular.files.TextFile}); every file it keeps, written whole or not at all ({@link
 * circular.files.WholeFile}); and the cells of every CSV it writes, opened by a spreadsheet as the
 * text they are ({@link circular.files.SpreadsheetCells}). Depends on nothing else of circular but
 * its input errors.
 */
package circular.files;
