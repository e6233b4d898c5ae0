#pragma once

namespace genius::common {

/// Tesseract's OpenMP threads make OCR slower when one OCR engine already runs per core, and
/// the OpenMP runtime reads OMP_THREAD_LIMIT only when it is loaded, before main(). So when
/// the variable is missing, this sets it to 1 and re-executes the program (Linux); it
/// returns only when nothing had to change or re-executing is impossible.
void ensureOcrThreadLimit(char* argv[]);

/// A crash must not write the process's memory — the API key, prompts, document text — to a
/// core file: sets the core file size limit to 0 (Linux; Windows writes no dumps of its own
/// unless Windows Error Reporting is configured to, which is the administrator's choice).
void disableCoreDumps();

} // namespace genius::common
