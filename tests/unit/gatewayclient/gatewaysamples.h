#pragma once

#include <QByteArray>

// Sample gateway answers. They live outside the Q_OBJECT test file because moc misreads
// raw string literals that contain quotes.
namespace genius::test {
QByteArray sampleModels();
QByteArray sampleModelInfo();
QByteArray sampleEmbeddings(const QByteArray& base64Vector);
QByteArray embeddingsOne();
QByteArray embeddingsDuplicateIndex();
QByteArray embeddingsDifferentSizes();
QByteArray emptyModelList();
} // namespace genius::test
