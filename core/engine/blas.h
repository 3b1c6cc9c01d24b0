#pragma once

#include <string>

namespace cardioseg::engine {

/// The BLAS library LibTorch calls for the matrix products it does not hand to oneDNN —
/// among them every 1 × 1 convolution run on one thread with fewer than 16 images, which is
/// how the segmenter runs one image per core. Debian's LibTorch links `libblas.so.3`, which
/// the alternatives system points at the reference BLAS unless an optimised one (OpenBLAS:
/// `libopenblas0-pthread`) is installed; the reference one made a study 2× slower here.
struct BlasInfo {
    std::string library;  ///< the file that provides sgemm_ (resolved), empty when none is loaded
    std::string name;     ///< "OpenBLAS 0.3.21 (pthreads, 1 thread)", "reference BLAS", ...
    bool optimised = false;  ///< false for the reference BLAS (or none found)
};
BlasInfo blasInUse();

/// The segmenter calls BLAS from several threads at once, one image per core; a BLAS that
/// starts threads of its own (OpenBLAS built with pthreads starts one per core) oversubscribes
/// the cores and cost a third of the study's time here. Sets OpenBLAS's pthread pool to one
/// thread unless the user set OPENBLAS_NUM_THREADS (an OpenMP build is left alone: its threads
/// are the OpenMP runtime's, which LibTorch sizes). Called by the segmenter and the
/// calibration, not the trainer: a training step calls BLAS from one thread, and its own
/// threads made it 3 % faster here. Process-wide, cheap and idempotent.
void keepBlasSingleThreaded();

}  // namespace cardioseg::engine
