/** Small pieces shared by the propaganda pages: code labels and their select options. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_CODES,
  type AudienceCode,
  CHANNEL_CODES,
  type ChannelCode,
} from '../../domain/propaganda/codes.ts';

const isAudience = (c: string): c is AudienceCode => (AUDIENCE_CODES as readonly string[]).includes(c);
const isChannel = (c: string): c is ChannelCode => (CHANNEL_CODES as readonly string[]).includes(c);

/** Labels of audience and channel codes in the current language; an unknown code shows as itself. */
export function useCodeLabels() {
  const { t } = useTranslation();
  const audience = (code: string) => (isAudience(code) ? t(`propaganda.audiences.${code}`) : code);
  const channel = (code: string) => (isChannel(code) ? t(`propaganda.channels.${code}`) : code);
  return {
    audience,
    channel,
    audienceOptions: AUDIENCE_CODES.map((c) => ({ value: c, label: audience(c) })),
    channelOptions: CHANNEL_CODES.map((c) => ({ value: c, label: channel(c) })),
  };
}

export function AudienceTags({ codes }: { codes: readonly string[] }) {
  const { audience } = useCodeLabels();
  return (
    <span className="tag-list">
      {codes.map((c) => (
        <Tag key={c} color="blue">
          {audience(c)}
        </Tag>
      ))}
    </span>
  );
}
