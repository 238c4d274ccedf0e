/** The confirmation asked before reusing a variant's verdict. */
export function variantWarning(reasons: string[]): string {
  return `This is a variant, not the same claim (${reasons.join(', ') || 'it differs'}). Its verdict may not apply here. Reuse it anyway?`;
}
