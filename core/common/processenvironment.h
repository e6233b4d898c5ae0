#pragma once

namespace genius::common {

/// Tesseract's OpenMP threads make OCR slower when one OCR engine already runs per core, and
/// the OpenMP runtime reads OMP_THREAD_LIMIT only when it is loaded, before main(). So when
/// the variable is missing, this sets it to 1 and re-executes the program (Linux); it
/// returns only when nothing had to change or re-executing is impossible.
void ensureOcrThreadLimit(char* argv[]);

} // namespace genius::common
