import { z } from 'zod';

let configured = false;

/** Vietnamese validation messages everywhere, with plainer wording for the commonest cases. */
export function configureZod(): void {
  if (configured) return;
  configured = true;
  z.config(z.locales.vi());
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'Trường này là bắt buộc.';
      if (issue.code === 'too_small' && issue.origin === 'string')
        return issue.minimum === 1 ? 'Không được để trống.' : `Cần ít nhất ${issue.minimum} ký tự.`;
      if (issue.code === 'too_big' && issue.origin === 'string') return `Tối đa ${issue.maximum} ký tự.`;
      if (issue.code === 'invalid_value') return 'Giá trị không nằm trong danh sách cho phép.';
      if (issue.code === 'unrecognized_keys') return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
      return undefined;
    },
  });
}
