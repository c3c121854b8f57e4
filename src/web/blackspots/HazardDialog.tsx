/** "Thêm nguy cơ": registers a hazard by hand (an illegal rail crossing, a landslide, a potential spot). */
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roadOptions, roadsQuery } from '../crashes/api.ts';
import { EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { createSpot, HAZARD_TYPES, type HazardType, SPOT_KINDS, type SpotKind } from './api.ts';
import { parseKm } from './ui.tsx';

interface Values {
  kind: SpotKind;
  hazardType?: HazardType;
  name: string;
  roadId?: number;
  fromKm?: string;
  toKm?: string;
  lat?: number | null;
  lon?: number | null;
  description?: string;
}

const FIELDS = ['kind', 'hazardType', 'name', 'roadId', 'fromM', 'toM', 'lat', 'lon', 'description'] as const;

export function HazardDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const roads = useQuery(roadsQuery());
  const kmRule = {
    validator: (_: unknown, v: string | undefined) =>
      Number.isNaN(parseKm(v)) ? Promise.reject(new Error(t('blackSpots.kmInvalid'))) : Promise.resolve(),
  };

  return (
    <EntityFormModal<Values>
      title={t('blackSpots.addHazard')}
      form={form}
      initialValues={{ kind: 'hazard', hazardType: 'illegal_crossing' }}
      fields={[...FIELDS, 'fromKm', 'toKm']}
      invalidates={['black-spots']}
      successMessage={t('blackSpots.hazardAdded')}
      onClose={onClose}
      submit={async (v) => {
        const spot = await createSpot({
          kind: v.kind,
          hazardType: v.kind === 'hazard' ? (v.hazardType ?? null) : null,
          name: v.name,
          roadId: v.roadId ?? null,
          fromM: parseKm(v.fromKm),
          toM: parseKm(v.toKm) ?? parseKm(v.fromKm),
          lat: v.lat ?? null,
          lon: v.lon ?? null,
          description: v.description?.trim() || null,
        });
        void navigate({ to: '/black-spots/$spotId', params: { spotId: String(spot.id) } });
        return spot;
      }}
    >
      <Form.Item name="kind" label={t('blackSpots.kind')} rules={[{ required: true }]}>
        <Select options={SPOT_KINDS.map((k) => ({ value: k, label: t(`blackSpots.kinds.${k}`) }))} />
      </Form.Item>
      {kind === 'hazard' ? (
        <Form.Item
          name="hazardType"
          label={t('blackSpots.hazardType')}
          rules={[{ required: true, message: t('blackSpots.hazardTypeRequired') }]}
        >
          <Select
            options={HAZARD_TYPES.map((k) => ({ value: k, label: t(`blackSpots.hazardTypes.${k}`) }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="name"
        label={t('blackSpots.name')}
        rules={[{ required: true, whitespace: true, message: t('blackSpots.nameRequired') }]}
      >
        <Input maxLength={300} placeholder={t('blackSpots.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="roadId" label={t('blackSpots.road')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={roads.isPending}
          options={roadOptions(roads.data).map((r) => ({ value: r.value, label: r.label }))}
        />
      </Form.Item>
      <div className="form-row-2">
        <Form.Item name="fromKm" label={t('blackSpots.fromKm')} rules={[kmRule]}>
          <Input placeholder="Km 12+300" inputMode="text" />
        </Form.Item>
        <Form.Item name="toKm" label={t('blackSpots.toKm')} rules={[kmRule]}>
          <Input placeholder="Km 12+800" inputMode="text" />
        </Form.Item>
      </div>
      <div className="form-row-2">
        <Form.Item name="lat" label={t('blackSpots.lat')}>
          <InputNumber<number> min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lon" label={t('blackSpots.lon')}>
          <InputNumber<number> min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <p className="cell-secondary">{t('blackSpots.placeHelp')}</p>
      <Form.Item name="description" label={t('blackSpots.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </EntityFormModal>
  );
}
