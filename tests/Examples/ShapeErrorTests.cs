namespace Nabla.Examples;

/// <summary>
/// API.md "Errors": bad shapes and arguments throw ArgumentException (ArgumentOutOfRangeException is one) naming the
/// op and the shapes involved, as Nabla prints them ("[2, 3]"); Item() on several elements is InvalidOperationException.
/// PyTorch 1.13's own message is in a comment above each check; several of them name neither op nor shape, which is
/// why Nabla's are held to naming both rather than to PyTorch's exact text.
/// </summary>
public class ShapeErrorTests
{
    static Tensor Ones(params int[] shape) => Tensor.Ones(shape);

    /// <summary>Fails unless <paramref name="message"/> contains the op's name and every one of <paramref name="parts"/>, quoting the message in full.</summary>
    static void Names(string message, string op, params string[] parts)
    {
        var missing = new[] { op }.Concat(parts).Where(p => !message.Contains(p, StringComparison.Ordinal)).ToArray();
        if (missing.Length > 0)
            throw new Xunit.Sdk.XunitException(
                $"the message lacks {string.Join(" and ", missing.Select(p => $"\"{p}\""))}; Nabla's message: \"{message}\"");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Broadcasting

    [Theory]
    [InlineData("add")]
    [InlineData("sub")]
    [InlineData("mul")]
    [InlineData("div")]
    [InlineData("pow")]
    public void Broadcasting_2x3_with_4_names_the_op_and_both_shapes(string op)
    {
        // a = torch.ones(2,3); b = torch.ones(4); a + b   (and a - b, a * b, a / b, a.pow(b))
        // -> RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
        var (a, b) = (Ones(2, 3), Ones(4));
        Func<Tensor> f = op switch
        {
            "add" => () => a + b,
            "sub" => () => a - b,
            "mul" => () => a * b,
            "div" => () => a / b,
            _ => () => a.Pow(b),
        };

        var e = Assert.ThrowsAny<ArgumentException>(f);
        Names(e.Message, op, "[2, 3]", "[4]");
    }

    [Fact]
    public void Broadcasting_with_a_gradient_tracking_operand_fails_the_same_way()
    {
        // a = torch.ones(3,1,2, requires_grad=True); b = torch.ones(4,3); a * b
        // -> RuntimeError: The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 2
        var a = Tensor.Ones([3, 1, 2], requiresGrad: true);
        var e = Assert.ThrowsAny<ArgumentException>(() => a * Ones(4, 3));
        Names(e.Message, "mul", "[3, 1, 2]", "[4, 3]");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // MatMul, one test per rank combination

    [Fact]
    public void MatMul_of_vectors_3_and_4_names_matmul_and_both_shapes()
    {
        // torch.ones(3).matmul(torch.ones(4))
        // -> RuntimeError: inconsistent tensor size, expected tensor [3] and src [4] to have the same number of
        //    elements, but got 3 and 4 elements respectively
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(3).MatMul(Ones(4)));
        Names(e.Message, "matmul", "[3]", "[4]");
    }

    [Fact]
    public void MatMul_of_matrix_2x3_and_vector_4_names_matmul_and_both_shapes()
    {
        // torch.ones(2,3).matmul(torch.ones(4))
        // -> RuntimeError: size mismatch, got 2, 2x3,4
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).MatMul(Ones(4)));
        Names(e.Message, "matmul", "[2, 3]", "[4]");
    }

    [Fact]
    public void MatMul_of_vector_3_and_matrix_4x5_names_matmul_and_both_shapes()
    {
        // torch.ones(3).matmul(torch.ones(4,5))
        // -> RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(3).MatMul(Ones(4, 5)));
        Names(e.Message, "matmul", "[3]", "[4, 5]");
    }

    [Fact]
    public void MatMul_of_matrices_2x3_and_4x5_names_matmul_and_both_shapes()
    {
        // torch.ones(2,3).matmul(torch.ones(4,5))
        // -> RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).MatMul(Ones(4, 5)));
        Names(e.Message, "matmul", "[2, 3]", "[4, 5]");
    }

    [Fact]
    public void MatMul_of_batches_5x2x3_and_5x4x2_names_matmul_and_both_shapes()
    {
        // torch.ones(5,2,3).matmul(torch.ones(5,4,2))
        // -> RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [5, 3] but got: [5, 4].
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(5, 2, 3).MatMul(Ones(5, 4, 2)));
        Names(e.Message, "matmul", "[5, 2, 3]", "[5, 4, 2]");
    }

    [Fact]
    public void MatMul_of_batches_that_do_not_broadcast_names_matmul_and_both_shapes()
    {
        // torch.ones(5,2,3).matmul(torch.ones(4,3,2))
        // -> RuntimeError: The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 0
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(5, 2, 3).MatMul(Ones(4, 3, 2)));
        Names(e.Message, "matmul", "[5, 2, 3]", "[4, 3, 2]");
    }

    [Fact]
    public void MatMul_of_batch_5x2x3_and_vector_4_names_matmul_and_both_shapes()
    {
        // torch.ones(5,2,3).matmul(torch.ones(4))
        // -> RuntimeError: size mismatch, got 10, 10x3,4
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(5, 2, 3).MatMul(Ones(4)));
        Names(e.Message, "matmul", "[5, 2, 3]", "[4]");
    }

    [Fact]
    public void MatMul_of_vector_3_and_batch_5x4x2_names_matmul_and_both_shapes()
    {
        // torch.ones(3).matmul(torch.ones(5,4,2))
        // -> RuntimeError: size mismatch, got 10, 10x4,3
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(3).MatMul(Ones(5, 4, 2)));
        Names(e.Message, "matmul", "[3]", "[5, 4, 2]");
    }

    [Fact]
    public void MatMul_of_batch_5x2x3_and_matrix_4x2_names_matmul_and_both_shapes()
    {
        // torch.ones(5,2,3).matmul(torch.ones(4,2))
        // -> RuntimeError: mat1 and mat2 shapes cannot be multiplied (10x3 and 4x2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(5, 2, 3).MatMul(Ones(4, 2)));
        Names(e.Message, "matmul", "[5, 2, 3]", "[4, 2]");
    }

    [Fact]
    public void MatMul_of_4D_batches_2x1x2x3_and_3x4x2_names_matmul_and_both_shapes()
    {
        // torch.ones(2,1,2,3).matmul(torch.ones(3,4,2))
        // -> RuntimeError: Expected size for first two dimensions of batch2 tensor to be: [6, 3] but got: [6, 4].
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 1, 2, 3).MatMul(Ones(3, 4, 2)));
        Names(e.Message, "matmul", "[2, 1, 2, 3]", "[3, 4, 2]");
    }

    [Fact]
    public void MatMul_with_a_0D_operand_on_the_left_names_matmul_and_both_shapes()
    {
        // torch.tensor(2.).matmul(torch.ones(3))
        // -> RuntimeError: both arguments to matmul need to be at least 1D, but they are 0D and 1D
        var e = Assert.ThrowsAny<ArgumentException>(() => Tensor.Scalar(2).MatMul(Ones(3)));
        Names(e.Message, "matmul", "0D and 1D", "[]", "[3]");
    }

    [Fact]
    public void MatMul_with_a_0D_operand_on_the_right_names_matmul_and_both_shapes()
    {
        // torch.ones(3).matmul(torch.tensor(2.))
        // -> RuntimeError: both arguments to matmul need to be at least 1D, but they are 1D and 0D
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(3).MatMul(Tensor.Scalar(2)));
        Names(e.Message, "matmul", "1D and 0D", "[3]", "[]");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dimensions out of range: the op, the tensor's shape, the dim asked for and the valid range

    [Fact]
    public void Sum_over_dim_2_of_a_2x3_tensor_names_sum_the_shape_and_the_dim()
    {
        // torch.ones(2,3).sum(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Sum(2));
        Names(e.Message, "sum", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void Sum_over_dim_minus_3_of_a_2x3_tensor_names_sum_the_shape_and_the_dim()
    {
        // torch.ones(2,3).sum(-3)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -3)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Sum(-3, keepDim: true));
        Names(e.Message, "sum", "[2, 3]", "[-2, 1]", "got -3");
    }

    [Fact]
    public void Mean_over_dim_2_of_a_2x3_tensor_names_mean_the_shape_and_the_dim()
    {
        // torch.ones(2,3).mean(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Mean(2));
        Names(e.Message, "mean", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void Softmax_over_dim_2_of_a_2x3_tensor_names_softmax_the_shape_and_the_dim()
    {
        // torch.ones(2,3).softmax(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Softmax(2));
        Names(e.Message, "softmax", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void LogSoftmax_over_dim_2_of_a_2x3_tensor_names_log_softmax_the_shape_and_the_dim()
    {
        // torch.ones(2,3).log_softmax(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).LogSoftmax(2));
        Names(e.Message, "log_softmax", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void ArgMax_over_dim_2_of_a_2x3_tensor_names_argmax_the_shape_and_the_dim()
    {
        // torch.ones(2,3).argmax(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).ArgMax(2));
        Names(e.Message, "argmax", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void Unsqueeze_at_dim_3_of_a_2x3_tensor_names_unsqueeze_the_shape_and_the_dim()
    {
        // torch.ones(2,3).unsqueeze(3)
        // -> IndexError: Dimension out of range (expected to be in range of [-3, 2], but got 3)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Unsqueeze(3));
        Names(e.Message, "unsqueeze", "[2, 3]", "[-3, 2]", "got 3");
    }

    [Fact]
    public void Squeeze_at_dim_2_of_a_2x3_tensor_names_squeeze_the_shape_and_the_dim()
    {
        // torch.ones(2,3).squeeze(2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Squeeze(2));
        Names(e.Message, "squeeze", "[2, 3]", "[-2, 1]", "got 2");
    }

    [Fact]
    public void Transpose_of_dims_0_and_2_of_a_2x3_tensor_names_transpose_the_shape_and_the_dim()
    {
        // torch.ones(2,3).transpose(0,2)
        // -> IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Transpose(0, 2));
        Names(e.Message, "transpose", "[2, 3]", "[-2, 1]", "got 2");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reshape, select, Item, Backward

    [Fact]
    public void Reshape_of_2x3_to_4x2_names_reshape_and_both_shapes()
    {
        // torch.ones(2,3).reshape(4,2)
        // -> RuntimeError: shape '[4, 2]' is invalid for input of size 6
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Reshape(4, 2));
        Names(e.Message, "reshape", "[4, 2]", "[2, 3]");
    }

    [Fact]
    public void Reshape_of_2x3_to_minus_1x4_names_reshape_and_both_shapes()
    {
        // torch.ones(2,3).reshape(-1,4)
        // -> RuntimeError: shape '[-1, 4]' is invalid for input of size 6
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3).Reshape(-1, 4));
        Names(e.Message, "reshape", "[-1, 4]", "[2, 3]");
    }

    [Fact]
    public void Select_index_5_of_a_2x3_tensor_names_select_the_shape_and_the_index()
    {
        // torch.ones(2,3)[5]
        // -> IndexError: index 5 is out of bounds for dimension 0 with size 2
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3)[5]);
        Names(e.Message, "select", "[2, 3]", "5");
    }

    [Fact]
    public void Select_index_minus_3_of_a_2x3_tensor_names_select_the_shape_and_the_index()
    {
        // torch.ones(2,3)[-3]
        // -> IndexError: index -3 is out of bounds for dimension 0 with size 2
        var e = Assert.ThrowsAny<ArgumentException>(() => Ones(2, 3)[-3]);
        Names(e.Message, "select", "[2, 3]", "-3");
    }

    [Fact]
    public void Item_of_two_elements_throws_InvalidOperationException_with_PyTorchs_text()
    {
        // torch.ones(2).item()
        // -> ValueError: only one element tensors can be converted to Python scalars   (the Python binding)
        // torch.ops.aten.item(torch.ones(2))
        // -> RuntimeError: a Tensor with 2 elements cannot be converted to Scalar        (ATen, the text API.md follows)
        var e = Assert.Throws<InvalidOperationException>(() => Ones(2).Item());
        Assert.Equal("a Tensor with 2 elements cannot be converted to Scalar", e.Message);
    }

    [Fact]
    public void Item_of_a_2x3_tensor_counts_its_six_elements()
    {
        // torch.ops.aten.item(torch.ones(2,3)) -> RuntimeError: a Tensor with 6 elements cannot be converted to Scalar
        var e = Assert.Throws<InvalidOperationException>(() => Ones(2, 3).Item());
        Assert.Equal("a Tensor with 6 elements cannot be converted to Scalar", e.Message);
    }

    [Fact]
    public void Backward_with_a_3x2_gradient_for_a_2x3_output_names_both_shapes()
    {
        // x = torch.ones(2,3, requires_grad=True); (x*2).backward(torch.ones(3,2))
        // -> RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([3, 2]) and output[0] has a
        //    shape of torch.Size([2, 3]).
        var x = Tensor.Ones([2, 3], requiresGrad: true);

        var e = Assert.ThrowsAny<ArgumentException>(() => (x * 2).Backward(Ones(3, 2)));
        Names(e.Message, "grad_output[0]", "[3, 2]", "[2, 3]");
        Assert.StartsWith("Mismatch in shape: grad_output[0] has a shape of [3, 2] and output[0] has a shape of [2, 3]", e.Message);
        Assert.Null(x.Grad);
    }
}
