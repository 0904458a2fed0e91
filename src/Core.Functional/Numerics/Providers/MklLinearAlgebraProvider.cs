using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Nabla.Core.Numerics.Providers;

// Inside the namespace, so it wins over the op Nabla.Core.Transpose.
using Transpose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;

/// <summary>
/// A MathNet linear-algebra provider that sends single- and double-precision matrix products to Intel MKL's
/// cblas_sgemm / cblas_dgemm and forwards everything else to MathNet's managed provider (which is sealed, so it is
/// wrapped rather than extended).
/// </summary>
public sealed class MklLinearAlgebraProvider : ILinearAlgebraProvider
{
    readonly ILinearAlgebraProvider managed = ManagedLinearAlgebraProvider.Instance;

    /// <summary>True when libmkl_rt.so loaded and exports CBLAS.</summary>
    public bool IsAvailable() => MklNative.IsLoaded;

    /// <summary>Throws unless MKL is loaded.</summary>
    public void InitializeVerify()
    {
        if (!MklNative.IsLoaded) throw new NotSupportedException($"Intel MKL is not available: {MklNative.LoadError}");
        managed.InitializeVerify();
    }

    /// <summary>Nothing to free: MKL stays loaded for the process.</summary>
    public void FreeResources() => managed.FreeResources();

    /// <summary>Names the provider, MKL's thread count and whether results are bitwise reproducible.</summary>
    public override string ToString() =>
        $"Intel MKL ({MklNative.Library}, {MklNative.MaxThreads} threads, {MklNative.ThreadingLayer}{(MklNative.Reproducible ? ", reproducible" : "")})";

    /// <summary>result = x·y (column-major) through cblas_sgemm.</summary>
    public void MatrixMultiply(float[] x, int rowsX, int columnsX, float[] y, int rowsY, int columnsY, float[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1f, x, rowsX, columnsX, y, rowsY, columnsY, 0f, result);

    /// <summary>result = x·y (column-major) through cblas_dgemm.</summary>
    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1d, x, rowsX, columnsX, y, rowsY, columnsY, 0d, result);

    /// <summary>c = α·op(a)·op(b) + β·c (column-major) through cblas_sgemm.</summary>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, float alpha, float[] a, int rowsA, int columnsA,
                                         float[] b, int rowsB, int columnsB, float beta, float[] c)
    {
        var (m, n, k) = Dimensions(transposeA, transposeB, rowsA, columnsA, rowsB, columnsB, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0) return;
        if (k == 0) { managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c); return; }
        MklNative.Gemm((int)transposeA, (int)transposeB, m, n, k, alpha, a, Math.Max(1, rowsA), b, Math.Max(1, rowsB), beta, c, Math.Max(1, m));
    }

    /// <summary>c = α·op(a)·op(b) + β·c (column-major) through cblas_dgemm.</summary>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA,
                                         double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        var (m, n, k) = Dimensions(transposeA, transposeB, rowsA, columnsA, rowsB, columnsB, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0) return;
        if (k == 0) { managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c); return; }
        MklNative.Gemm((int)transposeA, (int)transposeB, m, n, k, alpha, a, Math.Max(1, rowsA), b, Math.Max(1, rowsB), beta, c, Math.Max(1, m));
    }

    // m×k times k×n after the transposes; the buffers must hold what the sizes say (MKL would read past them otherwise).
    static (int M, int N, int K) Dimensions(Transpose ta, Transpose tb, int rowsA, int columnsA, int rowsB, int columnsB, int lenA, int lenB, int lenC)
    {
        var (m, k) = ta == Transpose.DontTranspose ? (rowsA, columnsA) : (columnsA, rowsA);
        var (kb, n) = tb == Transpose.DontTranspose ? (rowsB, columnsB) : (columnsB, rowsB);
        if (k != kb) throw new ArgumentException($"matrix product: inner dimensions differ ({m}x{k} and {kb}x{n})");
        if (lenA < rowsA * columnsA || lenB < rowsB * columnsB || lenC < m * n)
            throw new ArgumentException($"matrix product: a buffer is smaller than its dimensions ({m}x{k} times {kb}x{n})");
        return (m, n, k);
    }

    // Everything else: MathNet's managed provider (documented on ILinearAlgebraProvider<T>).
#pragma warning disable CS1591

    // ILinearAlgebraProvider<double>
    public void AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result) => managed.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(double alpha, double[] x, double[] result) => managed.ScaleArray(alpha, x, result);
    public void ConjugateArray(double[] x, double[] result) => managed.ConjugateArray(x, result);
    public double DotProduct(double[] x, double[] y) => managed.DotProduct(x, y);
    public void AddArrays(double[] x, double[] y, double[] result) => managed.AddArrays(x, y, result);
    public void SubtractArrays(double[] x, double[] y, double[] result) => managed.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(double[] x, double[] y, double[] result) => managed.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(double[] x, double[] y, double[] result) => managed.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(double[] x, double[] y, double[] result) => managed.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, double[] matrix) => managed.MatrixNorm(norm, rows, columns, matrix);
    public void LUFactor(double[] data, int order, int[] ipiv) => managed.LUFactor(data, order, ipiv);
    public void LUInverse(double[] a, int order) => managed.LUInverse(a, order);
    public void LUInverseFactored(double[] a, int order, int[] ipiv) => managed.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, double[] a, int order, double[] b) => managed.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, double[] a, int order, int[] ipiv, double[] b) => managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(double[] a, int order) => managed.CholeskyFactor(a, order);
    public void CholeskySolve(double[] a, int orderA, double[] b, int columnsB) => managed.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(double[] a, int orderA, double[] b, int columnsB) => managed.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(double[] a, int rowsA, int columnsA, double[] q, double[] tau) => managed.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(double[] a, int rowsA, int columnsA, double[] r, double[] tau) => managed.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(double[] a, int rows, int columns, double[] b, int columnsB, double[] x, QRMethod method) => managed.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(double[] q, double[] r, int rowsA, int columnsA, double[] tau, double[] b, int columnsB, double[] x, QRMethod method) => managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt) => managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(double[] a, int rowsA, int columnsA, double[] b, int columnsB, double[] x) => managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, double[] s, double[] u, double[] vt, double[] b, int columnsB, double[] x) => managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD) => managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    // ILinearAlgebraProvider<float>
    public void AddVectorToScaledVector(float[] y, float alpha, float[] x, float[] result) => managed.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(float alpha, float[] x, float[] result) => managed.ScaleArray(alpha, x, result);
    public void ConjugateArray(float[] x, float[] result) => managed.ConjugateArray(x, result);
    public float DotProduct(float[] x, float[] y) => managed.DotProduct(x, y);
    public void AddArrays(float[] x, float[] y, float[] result) => managed.AddArrays(x, y, result);
    public void SubtractArrays(float[] x, float[] y, float[] result) => managed.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(float[] x, float[] y, float[] result) => managed.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(float[] x, float[] y, float[] result) => managed.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(float[] x, float[] y, float[] result) => managed.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, float[] matrix) => managed.MatrixNorm(norm, rows, columns, matrix);
    public void LUFactor(float[] data, int order, int[] ipiv) => managed.LUFactor(data, order, ipiv);
    public void LUInverse(float[] a, int order) => managed.LUInverse(a, order);
    public void LUInverseFactored(float[] a, int order, int[] ipiv) => managed.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, float[] a, int order, float[] b) => managed.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, float[] a, int order, int[] ipiv, float[] b) => managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(float[] a, int order) => managed.CholeskyFactor(a, order);
    public void CholeskySolve(float[] a, int orderA, float[] b, int columnsB) => managed.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(float[] a, int orderA, float[] b, int columnsB) => managed.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(float[] a, int rowsA, int columnsA, float[] q, float[] tau) => managed.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(float[] a, int rowsA, int columnsA, float[] r, float[] tau) => managed.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(float[] a, int rows, int columns, float[] b, int columnsB, float[] x, QRMethod method) => managed.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(float[] q, float[] r, int rowsA, int columnsA, float[] tau, float[] b, int columnsB, float[] x, QRMethod method) => managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, float[] a, int rowsA, int columnsA, float[] s, float[] u, float[] vt) => managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(float[] a, int rowsA, int columnsA, float[] b, int columnsB, float[] x) => managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, float[] s, float[] u, float[] vt, float[] b, int columnsB, float[] x) => managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, float[] matrix, float[] matrixEv, Complex[] vectorEv, float[] matrixD) => managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    // ILinearAlgebraProvider<Complex>
    public void AddVectorToScaledVector(Complex[] y, Complex alpha, Complex[] x, Complex[] result) => managed.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(Complex alpha, Complex[] x, Complex[] result) => managed.ScaleArray(alpha, x, result);
    public void ConjugateArray(Complex[] x, Complex[] result) => managed.ConjugateArray(x, result);
    public Complex DotProduct(Complex[] x, Complex[] y) => managed.DotProduct(x, y);
    public void AddArrays(Complex[] x, Complex[] y, Complex[] result) => managed.AddArrays(x, y, result);
    public void SubtractArrays(Complex[] x, Complex[] y, Complex[] result) => managed.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(Complex[] x, Complex[] y, Complex[] result) => managed.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(Complex[] x, Complex[] y, Complex[] result) => managed.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(Complex[] x, Complex[] y, Complex[] result) => managed.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, Complex[] matrix) => managed.MatrixNorm(norm, rows, columns, matrix);
    public void MatrixMultiply(Complex[] x, int rowsX, int columnsX, Complex[] y, int rowsY, int columnsY, Complex[] result) => managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, Complex alpha, Complex[] a, int rowsA, int columnsA, Complex[] b, int rowsB, int columnsB, Complex beta, Complex[] c) => managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
    public void LUFactor(Complex[] data, int order, int[] ipiv) => managed.LUFactor(data, order, ipiv);
    public void LUInverse(Complex[] a, int order) => managed.LUInverse(a, order);
    public void LUInverseFactored(Complex[] a, int order, int[] ipiv) => managed.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, Complex[] a, int order, Complex[] b) => managed.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, Complex[] a, int order, int[] ipiv, Complex[] b) => managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(Complex[] a, int order) => managed.CholeskyFactor(a, order);
    public void CholeskySolve(Complex[] a, int orderA, Complex[] b, int columnsB) => managed.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(Complex[] a, int orderA, Complex[] b, int columnsB) => managed.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(Complex[] a, int rowsA, int columnsA, Complex[] q, Complex[] tau) => managed.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(Complex[] a, int rowsA, int columnsA, Complex[] r, Complex[] tau) => managed.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(Complex[] a, int rows, int columns, Complex[] b, int columnsB, Complex[] x, QRMethod method) => managed.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(Complex[] q, Complex[] r, int rowsA, int columnsA, Complex[] tau, Complex[] b, int columnsB, Complex[] x, QRMethod method) => managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, Complex[] a, int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt) => managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(Complex[] a, int rowsA, int columnsA, Complex[] b, int columnsB, Complex[] x) => managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt, Complex[] b, int columnsB, Complex[] x) => managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, Complex[] matrix, Complex[] matrixEv, Complex[] vectorEv, Complex[] matrixD) => managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
    // ILinearAlgebraProvider<Complex32>
    public void AddVectorToScaledVector(Complex32[] y, Complex32 alpha, Complex32[] x, Complex32[] result) => managed.AddVectorToScaledVector(y, alpha, x, result);
    public void ScaleArray(Complex32 alpha, Complex32[] x, Complex32[] result) => managed.ScaleArray(alpha, x, result);
    public void ConjugateArray(Complex32[] x, Complex32[] result) => managed.ConjugateArray(x, result);
    public Complex32 DotProduct(Complex32[] x, Complex32[] y) => managed.DotProduct(x, y);
    public void AddArrays(Complex32[] x, Complex32[] y, Complex32[] result) => managed.AddArrays(x, y, result);
    public void SubtractArrays(Complex32[] x, Complex32[] y, Complex32[] result) => managed.SubtractArrays(x, y, result);
    public void PointWiseMultiplyArrays(Complex32[] x, Complex32[] y, Complex32[] result) => managed.PointWiseMultiplyArrays(x, y, result);
    public void PointWiseDivideArrays(Complex32[] x, Complex32[] y, Complex32[] result) => managed.PointWiseDivideArrays(x, y, result);
    public void PointWisePowerArrays(Complex32[] x, Complex32[] y, Complex32[] result) => managed.PointWisePowerArrays(x, y, result);
    public double MatrixNorm(Norm norm, int rows, int columns, Complex32[] matrix) => managed.MatrixNorm(norm, rows, columns, matrix);
    public void MatrixMultiply(Complex32[] x, int rowsX, int columnsX, Complex32[] y, int rowsY, int columnsY, Complex32[] result) => managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, Complex32 alpha, Complex32[] a, int rowsA, int columnsA, Complex32[] b, int rowsB, int columnsB, Complex32 beta, Complex32[] c) => managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
    public void LUFactor(Complex32[] data, int order, int[] ipiv) => managed.LUFactor(data, order, ipiv);
    public void LUInverse(Complex32[] a, int order) => managed.LUInverse(a, order);
    public void LUInverseFactored(Complex32[] a, int order, int[] ipiv) => managed.LUInverseFactored(a, order, ipiv);
    public void LUSolve(int columnsOfB, Complex32[] a, int order, Complex32[] b) => managed.LUSolve(columnsOfB, a, order, b);
    public void LUSolveFactored(int columnsOfB, Complex32[] a, int order, int[] ipiv, Complex32[] b) => managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);
    public void CholeskyFactor(Complex32[] a, int order) => managed.CholeskyFactor(a, order);
    public void CholeskySolve(Complex32[] a, int orderA, Complex32[] b, int columnsB) => managed.CholeskySolve(a, orderA, b, columnsB);
    public void CholeskySolveFactored(Complex32[] a, int orderA, Complex32[] b, int columnsB) => managed.CholeskySolveFactored(a, orderA, b, columnsB);
    public void QRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] q, Complex32[] tau) => managed.QRFactor(a, rowsA, columnsA, q, tau);
    public void ThinQRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] r, Complex32[] tau) => managed.ThinQRFactor(a, rowsA, columnsA, r, tau);
    public void QRSolve(Complex32[] a, int rows, int columns, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => managed.QRSolve(a, rows, columns, b, columnsB, x, method);
    public void QRSolveFactored(Complex32[] q, Complex32[] r, int rowsA, int columnsA, Complex32[] tau, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
    public void SingularValueDecomposition(bool computeVectors, Complex32[] a, int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt) => managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);
    public void SvdSolve(Complex32[] a, int rowsA, int columnsA, Complex32[] b, int columnsB, Complex32[] x) => managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);
    public void SvdSolveFactored(int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt, Complex32[] b, int columnsB, Complex32[] x) => managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    public void EigenDecomp(bool isSymmetric, int order, Complex32[] matrix, Complex32[] matrixEv, Complex[] vectorEv, Complex32[] matrixD) => managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
#pragma warning restore CS1591
}
