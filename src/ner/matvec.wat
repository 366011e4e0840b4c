;; The one kernel the neural tagger runs in WebAssembly: out = M · x for a row-major matrix
;; (rows × cols floats, cols a multiple of 4), four lanes at a time with 128-bit SIMD. Two rows
;; share each load of x. Pointers are byte offsets into the exported memory, 16-byte aligned.
;; Built into matvec-wasm.ts by scripts/build-kernels.ts.
(module
  (memory (export "memory") 1)
  (func (export "matvec")
    (param $m i32) (param $x i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $k i32) (local $row0 i32) (local $row1 i32) (local $stride i32)
    (local $a v128) (local $b v128) (local $xv v128)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $row0 (local.get $m))
    (local.set $j (i32.const 0))
    ;; two rows at a time while two are left
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $rows)))
        (local.set $row1 (i32.add (local.get $row0) (local.get $stride)))
        (local.set $a (v128.const f32x4 0 0 0 0))
        (local.set $b (v128.const f32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $cols_done
          (loop $cols_loop
            (br_if $cols_done (i32.ge_s (local.get $k) (local.get $stride)))
            (local.set $xv (v128.load (i32.add (local.get $x) (local.get $k))))
            (local.set $a (f32x4.add (local.get $a)
              (f32x4.mul (v128.load (i32.add (local.get $row0) (local.get $k))) (local.get $xv))))
            (local.set $b (f32x4.add (local.get $b)
              (f32x4.mul (v128.load (i32.add (local.get $row1) (local.get $k))) (local.get $xv))))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $cols_loop)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
            (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))
        (f32.store (i32.add (local.get $out) (i32.shl (i32.add (local.get $j) (i32.const 1)) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $b)) (f32x4.extract_lane 1 (local.get $b)))
            (f32.add (f32x4.extract_lane 2 (local.get $b)) (f32x4.extract_lane 3 (local.get $b)))))
        (local.set $row0 (i32.add (local.get $row1) (local.get $stride)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $pairs)))
    ;; the last row of an odd count
    (if (i32.lt_s (local.get $j) (local.get $rows))
      (then
        (local.set $a (v128.const f32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (block $last_done
          (loop $last
            (br_if $last_done (i32.ge_s (local.get $k) (local.get $stride)))
            (local.set $a (f32x4.add (local.get $a)
              (f32x4.mul (v128.load (i32.add (local.get $row0) (local.get $k)))
                         (v128.load (i32.add (local.get $x) (local.get $k))))))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $last)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
            (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))))))
